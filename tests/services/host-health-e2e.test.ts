/**
 * The services and storage areas end to end: the whole app (createApp: real policy, SQLite, audit) with
 * the areas as src/app/areas.ts registers them, their commands run by the app's local HostCommands over
 * stand-ins that print recorded output. Questions are answered by the instant router; a restart asks for
 * an approval that names the unit, and runs only after "yes, restart jellyfin".
 */
import { hostname } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAreas } from '../../src/app/areas.js';
import { ask, closedPortUrl, createCoreTestApp, doneOf, type CoreTestApp } from '../core/core-test-app.js';
import { createTestHostCommands, type TestHostCommands } from '../helpers/local-host-commands.js';
import { catStandIn, smartctlStandIn, zpoolStandIn } from '../storage/storage-stand-ins.js';
import { journalctlStandIn, seedUnits, systemctlStandIn } from './systemd-stand-ins.js';

const thisHost = hostname().split('.')[0]!.toLowerCase();

describe('systemd and storage questions through the instant router', () => {
  let test: CoreTestApp;
  let host: TestHostCommands;
  beforeAll(async () => {
    host = createTestHostCommands({
      fakes: {
        systemctl: systemctlStandIn,
        journalctl: journalctlStandIn,
        smartctl: smartctlStandIn,
        zpool: zpoolStandIn,
        cat: catStandIn,
      },
    });
    seedUnits(host.dir);
    const files: Record<string, string> = {
      scan: 'smartctl-scan-three-drives.json',
      sda: 'smartctl-sda-healthy.json',
      sdb: 'smartctl-sdb-failing.json',
      nvme0: 'smartctl-nvme0-healthy.json',
      'status-x': 'zpool-status-tank-degraded.txt',
      'pool-tank': 'zpool-status-tank-degraded.txt',
      'pool-backup': 'zpool-status-backup-old-scrub.txt',
      mdstat: 'mdstat-healthy.txt',
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(host.dir, name), content);
    test = await createCoreTestApp({
      ollamaHost: await closedPortUrl(),
      areas: (wiring) => createAreas({ ...wiring, commands: host.commands }),
    });
  });
  afterAll(async () => {
    await test.close();
    host.close();
  });

  const routed = async (text: string) => {
    const reply = await ask(test.app, text);
    expect(doneOf(reply.events).source).toBe('router');
    return reply.text;
  };

  it('says which services failed', async () => {
    expect(await routed('which services failed')).toBe('2 units have failed on this server: jellyfin and nfs-server.');
  });

  it('says whether jellyfin is running, by its name without .service', async () => {
    expect(await routed('is jellyfin running')).toMatch(
      /^Jellyfin has been running for \d+ (hours?|days?|minutes?).*\. Systemd has restarted it 2 times\.$/,
    );
  });

  it('reads the last journal lines of nginx, with the secrets masked', async () => {
    const text = await routed('show the last logs of nginx');
    expect(text).toMatch(/^The last 3 lines from nginx, 3 errors among them: /);
    expect(text).not.toContain('s3cr3tPass');
    expect(text).not.toContain('ghp_1234567890');
    expect(text).toContain('$(touch /tmp/sysvox-journal-pwned)');
  });

  it('asks for approval naming the unit before a restart, and restarts only after the named yes', async () => {
    const asked = await ask(test.app, `restart jellyfin on ${thisHost}`);
    expect(asked.text).toBe('Restarting jellyfin needs your approval. Say yes, restart jellyfin, or no.');
    expect(host.calls().some((call) => call[1] === 'restart')).toBe(false);
    const [pending] = test.app.listApprovals({ all: false });
    expect(pending?.description).toBe("restart unit 'jellyfin'");

    const yes = await ask(test.app, 'yes, restart jellyfin');
    expect(doneOf(yes.events).source).toBe('approval');
    expect(yes.text).toMatch(/^Done/);
    expect(host.calls()).toContainEqual(['systemctl', 'restart', 'jellyfin.service']);
    expect(test.app.auditEntries(50).some((entry) => entry.tool === 'systemd_restart' && entry.outcome === 'ok')).toBe(
      true,
    );
  });

  it('says how the disks are: the failing drive by name, temperatures, the degraded pool', async () => {
    const text = await routed('how are my disks');
    expect(text).toContain('sdb is failing SMART: Reallocated Sector Ct.');
    expect(text).toContain('Temperatures in degrees: sda 34, sdb 41 and nvme0 38.');
    expect(text).toContain('Pool tank is degraded');
    expect(text).toContain('md0 (raid1) is healthy, 2 of 2 devices working.');
  });

  it(`answers "is the pool on ${thisHost} degraded" with yes first`, async () => {
    expect(await routed(`is the pool on ${thisHost} degraded`)).toMatch(/^Yes\. Pool tank is degraded: /);
  });
});
