/**
 * The metric checks against config.alerts.rules: firing at fireAbove, clear below resolveBelow, held in
 * between, critical above criticalAbove, one observation per real mount, and a rule the machine cannot
 * measure left uncovered. A stub sampler hands in each snapshot; the last case reads the real sampler.
 */
import { describe, expect, it } from 'vitest';
import { alertsSchema, type AlertsConfig } from '../../src/config/alerts-schema.js';
import { silentLogger } from '../../src/log.js';
import type { CheckRun, Observation } from '../../src/toolkit/check.js';
import { createSystemArea } from '../../tools/system/area.js';
import { createSystemSampler, type SystemSampler } from '../../tools/system/sampler.js';
import type { FilesystemUsage, SystemSnapshot } from '../../tools/system/types.js';

function filesystem(mount: string, usedPercent: number, type = 'ext4'): FilesystemUsage {
  return {
    mount,
    device: `/dev/${mount.replace(/\W/g, '') || 'root'}`,
    type,
    sizeBytes: 1e12,
    usedBytes: usedPercent * 1e10,
    usedPercent,
  };
}

function snapshot(overrides: Partial<SystemSnapshot> = {}): SystemSnapshot {
  return {
    sampledAt: new Date(),
    hostname: 'nas',
    cpu: { totalPercent: 12, perCore: [12, 12] },
    memory: {
      totalBytes: 16e9,
      usedBytes: 4e9,
      availableBytes: 12e9,
      usedPercent: 25,
      swapTotalBytes: 0,
      swapUsedBytes: 0,
      swapPercent: 0,
    },
    filesystems: [filesystem('/', 40)],
    temperature: { available: false, mainCelsius: null, maxCelsius: null, coresCelsius: [] },
    load: { load1: 0.5, load5: 0.4, load15: 0.3, cores: 2 },
    uptimeSeconds: 3600,
    network: [],
    topByCpu: [],
    topByMemory: [],
    ...overrides,
  };
}

function stubSampler(current: () => SystemSnapshot): SystemSampler {
  const latest = async () => current();
  return { start() {}, stop() {}, latest, sampleNow: latest };
}

/** One run of the system area's checks, as the engine would make it. */
async function run(taken: SystemSnapshot, alerts: Record<string, unknown> = {}): Promise<CheckRun> {
  const config: AlertsConfig = alertsSchema.parse(alerts);
  const area = createSystemArea({ sampler: stubSampler(() => taken), hostname: 'nas', alerts: config });
  expect(area.checks).toHaveLength(1);
  return area.checks![0]!.run(new AbortController().signal);
}

function only(result: CheckRun, rule: string, target?: string): Observation {
  const found = result.observations.filter(
    (observation) => observation.rule === rule && (target === undefined || observation.target === target),
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('metric checks', () => {
  it('fires at fireAbove, holds between the thresholds, and clears below resolveBelow', async () => {
    const rules = { rules: { cpu: { fireAbove: 90, resolveBelow: 80, for: '5m' } } };
    const firing = only(await run(snapshot({ cpu: { totalPercent: 97.4, perCore: [] } }), rules), 'cpu');
    expect(firing).toEqual({
      rule: 'cpu',
      target: 'cpu',
      host: 'local',
      condition: 'firing',
      severity: 'warning',
      summary: 'the CPU has been at 97 percent',
      recovery: 'the CPU is back to 97 percent',
      value: 97.4,
      for: 300_000,
    });
    const held = only(await run(snapshot({ cpu: { totalPercent: 85, perCore: [] } }), rules), 'cpu');
    expect(held.condition).toBe('hold');
    const clear = only(await run(snapshot({ cpu: { totalPercent: 40, perCore: [] } }), rules), 'cpu');
    expect(clear).toMatchObject({ condition: 'clear', recovery: 'the CPU is back to 40 percent' });
  });

  it('is critical above criticalAbove and the rule severity below it', async () => {
    const rules = { rules: { memory: { fireAbove: 90, resolveBelow: 85, criticalAbove: 97 } } };
    const at = (usedPercent: number) => snapshot({ memory: { ...snapshot().memory, usedPercent } });
    expect(only(await run(at(98), rules), 'memory')).toMatchObject({
      condition: 'firing',
      severity: 'critical',
      summary: 'memory use is at 98 percent',
    });
    expect(only(await run(at(92), rules), 'memory')).toMatchObject({ condition: 'firing', severity: 'warning' });
  });

  it('watches each real mount on its own and skips pseudo filesystems', async () => {
    const taken = snapshot({
      filesystems: [
        filesystem('/', 40),
        filesystem('/mnt/tank', 93),
        filesystem('/srv/media', 87),
        filesystem('/var/lib/docker/overlay2/abc/merged', 99, 'overlay'),
        filesystem('/dev/shm', 100, 'tmpfs'),
      ],
    });
    const result = await run(taken, { rules: { disk: { criticalAbove: 98 } } });
    const disks = result.observations.filter((observation) => observation.rule === 'disk');
    expect(disks.map((disk) => [disk.target, disk.condition])).toEqual([
      ['/', 'clear'],
      ['/mnt/tank', 'firing'],
      ['/srv/media', 'hold'],
    ]);
    expect(only(result, 'disk', '/mnt/tank')).toMatchObject({
      severity: 'warning',
      summary: 'the disk on /mnt/tank is 93 percent full',
      for: 60_000,
    });
    expect(only(result, 'disk', '/').recovery).toBe('the root filesystem is back to 40 percent');
  });

  it('leaves temperature uncovered on a machine without sensors, and reads the hottest one where there are', async () => {
    const without = await run(snapshot());
    expect(without.observations.some((observation) => observation.rule === 'temperature')).toBe(false);
    expect(without.covers.map((cover) => cover.rule)).toEqual(['cpu', 'memory', 'disk', 'load']);
    const hot = await run(
      snapshot({ temperature: { available: true, mainCelsius: 71, maxCelsius: 88, coresCelsius: [70, 88] } }),
    );
    expect(only(hot, 'temperature')).toMatchObject({
      condition: 'firing',
      summary: 'the CPU is at 88 degrees Celsius',
      value: 88,
    });
    expect(hot.covers.map((cover) => cover.rule)).toContain('temperature');
  });

  it('measures load as the 5-minute average per core', async () => {
    const busy = snapshot({ load: { load1: 9, load5: 5, load15: 4, cores: 2 } });
    expect(only(await run(busy), 'load')).toMatchObject({
      condition: 'firing',
      value: 2.5,
      summary: 'the 5-minute load average is 2.5 per CPU core',
    });
    const light = snapshot({ load: { load1: 1, load5: 1.2, load15: 1, cores: 2 } });
    expect(only(await run(light), 'load')).toMatchObject({
      condition: 'clear',
      recovery: 'the load average is back to 0.6 per CPU core',
    });
  });

  it('holds a figure the sampler could not measure rather than clearing it', async () => {
    const unknown = snapshot({ cpu: { totalPercent: Number.NaN, perCore: [] } });
    const cpu = only(await run(unknown), 'cpu');
    expect(cpu.condition).toBe('hold');
    expect(cpu.value).toBeUndefined();
  });

  it('covers no rule that is disabled, and has no check when alerts are off', async () => {
    const result = await run(snapshot({ cpu: { totalPercent: 99, perCore: [] } }), {
      rules: { cpu: { enabled: false } },
    });
    expect(result.observations.some((observation) => observation.rule === 'cpu')).toBe(false);
    expect(result.covers.map((cover) => cover.rule)).not.toContain('cpu');
    const off = createSystemArea({ sampler: stubSampler(snapshot), alerts: alertsSchema.parse({ enabled: false }) });
    expect(off.checks).toEqual([]);
  });

  it('refuses to judge from a stale snapshot, so no alert changes while the sampler is stuck', async () => {
    const stale = snapshot({ sampledAt: new Date(Date.now() - 10 * 60_000) });
    const area = createSystemArea({ sampler: stubSampler(() => stale), alerts: alertsSchema.parse({}) });
    await expect(area.checks![0]!.run(new AbortController().signal)).rejects.toThrow(
      /the latest system sample is 60\d s old; the background sampler may be stuck/,
    );
  });

  it('reads the real sampler of this machine', async () => {
    const sampler = createSystemSampler({ intervalMs: 60_000, log: silentLogger });
    const area = createSystemArea({ sampler, alerts: alertsSchema.parse({}) });
    const result = await area.checks![0]!.run(new AbortController().signal);
    const covered = result.covers.map((cover) => cover.rule);
    expect(covered).toEqual(expect.arrayContaining(['cpu', 'memory', 'disk', 'load']));
    const disks = result.observations.filter((observation) => observation.rule === 'disk');
    expect(disks.length).toBeGreaterThan(0);
    for (const disk of disks) expect(disk.target).not.toMatch(/^\/(proc|sys|dev\/shm|run)\b/);
    for (const observation of result.observations) expect(['firing', 'clear', 'hold']).toContain(observation.condition);
  }, 30_000);
});
