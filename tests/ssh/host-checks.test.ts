/**
 * The host-unreachable alert check against real sshd: a host that answers is clear, a stopped one and
 * one offering a key that is not the pinned one fire, each host covered, none waiting on the others.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHostChecks, hostUnreachableRule } from '../../tools/ssh/checks.js';
import { createHostCommands, type PooledHostCommands } from '../../tools/ssh/host-commands.js';
import { describeSshd, startSshdHosts, type SshdHosts } from '../helpers/sshd.js';

let sshd: SshdHosts;
let commands: PooledHostCommands;

beforeAll(async () => {
  sshd = await startSshdHosts({ names: ['nas', 'media', 'tank'] });
  const [nas, media, tank] = sshd.hosts;
  commands = createHostCommands({ hosts: [nas!, media!, { ...tank!, hostKey: nas!.hostKey }] });
  await sshd.stopHost('media');
});
afterAll(async () => {
  commands?.close();
  await sshd?.stop();
});

describeSshd('the host-unreachable check', () => {
  it('fires for a stopped host and a changed key, and is clear for a host that answers', async () => {
    const [check] = createHostChecks({ commands, hosts: ['nas', 'media', 'tank'], intervalMs: 15_000 });
    const run = await check!.run(new AbortController().signal);
    const byHost = new Map(run.observations.map((observation) => [observation.host, observation]));
    expect(byHost.get('nas')).toMatchObject({ rule: hostUnreachableRule, condition: 'clear' });
    expect(byHost.get('media')).toMatchObject({
      condition: 'firing',
      severity: 'critical',
      summary: 'media is unreachable: it does not answer over SSH',
      recovery: 'media is reachable again',
    });
    expect(byHost.get('tank')).toMatchObject({
      condition: 'firing',
      summary: 'tank is unreachable: its host key is not the pinned one',
    });
    expect(run.covers).toEqual(['nas', 'media', 'tank'].map((host) => ({ rule: hostUnreachableRule, host })));
  });

  it('has no check when no host is configured', () => {
    expect(createHostChecks({ commands, hosts: [], intervalMs: 15_000 })).toEqual([]);
  });
});
