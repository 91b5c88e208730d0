/**
 * Other hosts through the whole app (createApp with hosts in the YAML, real sshd on loopback): the
 * router answers figure questions about a named host instantly from that host's /proc, the status of
 * all hosts reports a stopped host as down while the others answer, and the audit binds to the host.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ask, closedPortUrl, createCoreTestApp, doneOf, type CoreTestApp } from '../core/core-test-app.js';
import { describeSshd, startSshdHosts, type SshdHosts } from '../helpers/sshd.js';

let sshd: SshdHosts;
let test: CoreTestApp;

beforeAll(async () => {
  sshd = await startSshdHosts({ names: ['nas', 'media', 'tank'] });
  const hostLines = sshd.hosts.flatMap((host) => [
    `  - name: ${host.name}`,
    `    address: ${host.address}`,
    `    port: ${host.port}`,
    `    user: ${host.user}`,
    `    keyPath: ${host.keyPath}`,
    `    hostKey: "${host.hostKey}"`,
  ]);
  test = await createCoreTestApp({ ollamaHost: await closedPortUrl(), yaml: ['hosts:', ...hostLines] });
});
afterAll(async () => {
  await test?.close();
  await sshd?.stop();
});

describeSshd('questions about other hosts, through the app', () => {
  it('answers the load on the nas from the router, with the figures of that host', async () => {
    const reply = await ask(test.app, "what's the load on the nas");
    expect(doneOf(reply.events).source).toBe('router');
    expect(reply.text).toMatch(/^On nas: /);
    expect(reply.text).toMatch(/load/i);
    const audit = test.app.auditEntries(5).find((row) => row.tool === 'system_status');
    expect(audit?.host).toBe('nas');
  });

  it('answers memory and disk questions that name a host', async () => {
    const memory = await ask(test.app, 'how much memory is the nas using');
    expect(doneOf(memory.events).source).toBe('router');
    expect(memory.text).toMatch(/^On nas: Memory is at \d+ percent/);
    const disk = await ask(test.app, 'disk on tank');
    expect(doneOf(disk.events).source).toBe('router');
    expect(disk.text).toMatch(/^On tank: /);
    expect(disk.text).toMatch(/percent/);
  });

  it('leaves a name that is no configured host to the model, never to a host figure', async () => {
    const reply = await ask(test.app, "what's the load on the attic");
    expect(doneOf(reply.events).source).not.toBe('router');
    expect(reply.text).not.toMatch(/^On attic/);
  });

  it('reports a stopped host as down in the status of all hosts, with the others up', async () => {
    await sshd.stopHost('media');
    try {
      const reply = await ask(test.app, 'status of all hosts');
      expect(doneOf(reply.events).source).toBe('router');
      expect(reply.text).toMatch(/^3 of 4 hosts are up; media is down\./);
      expect(reply.text).toContain('media is not reachable');
      expect(reply.text).toMatch(/nas: CPU \d+ percent, memory \d+ percent/);
      expect(reply.text).toMatch(/This machine: CPU/);
    } finally {
      await sshd.startHost('media');
    }
  });
});
