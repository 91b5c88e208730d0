/**
 * The storage tools through HostCommands (the app's local implementation): the real "not installed"
 * path (zpool is not on this machine), the real missing /proc/mdstat (no md driver in this VM), the real
 * smartctl scan (no SMART drive here), and stand-ins printing recorded output for drives, pools and arrays.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import type { ToolContext } from '../../src/toolkit/tool.js';
import { createStorageChecks } from '../../tools/storage/checks.js';
import { createStorageClient } from '../../tools/storage/client.js';
import { storageTools } from '../../tools/storage/storage-tools.js';
import { createTestHostCommands, type TestHostCommands } from '../helpers/local-host-commands.js';
import { catStandIn, smartctlStandIn, zpoolStandIn } from './storage-stand-ins.js';

const now = new Date('2026-12-02T17:00:00Z');
const context: ToolContext = {
  signal: new AbortController().signal,
  log: silentLogger,
  clock: () => now,
  host: 'local',
};

let host: TestHostCommands | undefined;
afterEach(() => host?.close());

function setUp(fakes: Record<string, string>, files: Record<string, string> = {}) {
  host = createTestHostCommands({ fakes });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(host.dir, name), content);
  const client = createStorageClient({ commands: host.commands });
  return { host, client, tools: storageTools(client) };
}

const drives = {
  scan: 'smartctl-scan-three-drives.json',
  sda: 'smartctl-sda-healthy.json',
  sdb: 'smartctl-sdb-failing.json',
  nvme0: 'smartctl-nvme0-healthy.json',
};
const pools = {
  'status-x': 'zpool-status-tank-degraded.txt',
  'pool-tank': 'zpool-status-tank-degraded.txt',
  'pool-backup': 'zpool-status-backup-old-scrub.txt',
};

describe('the storage tools on this machine', () => {
  it('say "zpool is not installed" with the real missing program, as an answer', async () => {
    const { tools } = setUp({});
    expect(await tools.pools.execute({}, context)).toEqual({
      host: 'local',
      installed: false,
      program: 'zpool',
      message: 'zpool is not installed on this server.',
    });
  });

  it('find no arrays where /proc/mdstat does not exist (the real file of this VM) and no drives in the real scan', async () => {
    const { tools } = setUp({});
    expect(await tools.arrays.execute({}, context)).toEqual({ host: 'local', arrays: [] });
    expect(await tools.smart.execute({}, context)).toEqual({
      host: 'local',
      installed: true,
      drives: [],
      truncated: false,
    });
  });

  it('read every drive the scan lists with its own type, the device last', async () => {
    const { tools, host } = setUp({ smartctl: smartctlStandIn }, drives);
    const report = await tools.smart.execute({}, context);
    if (!report.installed) throw new Error('smartctl stand-in missing');
    expect(report.drives.map((drive) => [drive.device, drive.passed, drive.temperatureCelsius])).toEqual([
      ['/dev/sda', true, 34],
      ['/dev/sdb', false, 41],
      ['/dev/nvme0', true, 38],
    ]);
    expect(host.calls()).toContainEqual([
      'smartctl',
      '-j',
      '-i',
      '-H',
      '-A',
      '--nocheck=standby',
      '-d',
      'nvme',
      '/dev/nvme0',
    ]);
  });

  it('read the pools, each status by the name zpool list gave', async () => {
    const { tools, host } = setUp({ zpool: zpoolStandIn }, pools);
    const report = await tools.pools.execute({}, context);
    if (!report.installed) throw new Error('zpool stand-in missing');
    expect(report.allHealthy).toBe(false);
    expect(report.pools.map((pool) => [pool.name, pool.health, pool.scrub.finishedAt])).toEqual([
      ['tank', 'DEGRADED', '2026-11-08T05:36:45.000Z'],
      ['backup', 'ONLINE', '2026-10-11T00:26:04.000Z'],
    ]);
    expect(host.calls()).toContainEqual(['zpool', 'status', '-p', 'backup']);
  });

  it('read /proc/mdstat as one fixed argument', async () => {
    const { tools, host } = setUp({ cat: catStandIn }, { mdstat: 'mdstat-degraded-rebuilding.txt' });
    const report = await tools.arrays.execute({}, context);
    expect(report.arrays.filter((array) => array.degraded).map((array) => array.name)).toEqual(['md1', 'md0']);
    expect(host.calls()).toEqual([['cat', '/proc/mdstat']]);
  });
});

describe('the storage alert check', () => {
  const config = configSchema.parse({ storage: { scrubOverdue: { maxAgeDays: 35 } } }).storage;

  it('fires for the failing drive, the degraded pool, the old scrub and the degraded arrays', async () => {
    const { client } = setUp(
      { smartctl: smartctlStandIn, zpool: zpoolStandIn, cat: catStandIn },
      { ...drives, ...pools, mdstat: 'mdstat-degraded-rebuilding.txt' },
    );
    const [check] = createStorageChecks({
      client,
      hosts: () => ['local'],
      config,
      log: silentLogger,
      clock: () => now,
    });
    const run = await check!.run(new AbortController().signal);
    const firing = run.observations
      .filter((seen) => seen.condition === 'firing')
      .map((seen) => `${seen.rule} ${seen.target}`);
    expect(firing).toEqual([
      'smart-failing /dev/sdb',
      'pool-degraded tank',
      'scrub-overdue backup',
      'array-degraded md1',
      'array-degraded md0',
    ]);
    expect(run.covers.map((cover) => cover.rule).sort()).toEqual(
      ['array-degraded', 'pool-degraded', 'scrub-overdue', 'smart-failing'].sort(),
    );
    const summary = run.observations.find((seen) => seen.rule === 'scrub-overdue' && seen.target === 'backup');
    expect(summary?.summary).toBe('ZFS pool backup on this server has not been scrubbed for more than 35 days');
  });

  it('keeps a scrub 24 days old clear under the default 35 days, and fires it under 20', async () => {
    const { client } = setUp({ zpool: zpoolStandIn }, pools);
    const verdict = async (maxAgeDays: number) => {
      const strict = configSchema.parse({ storage: { scrubOverdue: { maxAgeDays } } }).storage;
      const [check] = createStorageChecks({
        client,
        hosts: () => ['local'],
        config: strict,
        log: silentLogger,
        clock: () => now,
      });
      const run = await check!.run(new AbortController().signal);
      return run.observations.find((seen) => seen.rule === 'scrub-overdue' && seen.target === 'tank')?.condition;
    };
    expect(await verdict(35)).toBe('clear');
    expect(await verdict(20)).toBe('firing');
  });

  it('covers a host without zpool with nothing firing, and leaves a host it cannot reach uncovered', async () => {
    const { client } = setUp({});
    const [check] = createStorageChecks({
      client,
      hosts: () => ['local', 'nas'],
      config,
      log: silentLogger,
      clock: () => now,
    });
    const run = await check!.run(new AbortController().signal);
    expect(run.observations).toEqual([]);
    expect(run.covers.every((cover) => cover.host === 'local')).toBe(true);
    expect(run.covers.map((cover) => cover.rule)).toContain('pool-degraded');
  });

  it('explains a wrong scrub age in the config', () => {
    const parsed = configSchema.safeParse({ storage: { scrubOverdue: { maxAgeDays: 0.5 } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['storage', 'scrubOverdue', 'maxAgeDays'],
      message: 'must be a whole number of days',
    });
    expect(configSchema.parse({}).storage.scrubOverdue.maxAgeDays).toBe(35);
  });
});
