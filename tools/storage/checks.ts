/**
 * The storage area's alert check ('storage.health'), on every host: smart-failing (per drive),
 * pool-degraded and scrub-overdue (per ZFS pool), array-degraded (per md array). A rule whose program is
 * not installed on a host is covered with nothing firing there; a host or program that could not be read
 * is not covered, so its alerts stay as they are.
 */
import type { StorageConfig } from '../../src/config/host-health-schema.js';
import { describeError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { AlertCheck, CheckRun, Observation } from '../../src/toolkit/check.js';
import { spokenHost } from '../../src/toolkit/host-command-error.js';
import type { StorageClient } from './client.js';
import { isFailing } from './smart-output.js';
import type { PoolHealth } from './types.js';

export interface StorageChecksOptions {
  client: Pick<StorageClient, 'smart' | 'pools' | 'arrays'>;
  hosts: () => readonly string[];
  config: StorageConfig;
  log: Logger;
  clock?: () => Date;
}

/** One kind of reading on one host. */
type Part = (host: string) => Promise<CheckRun>;

const dayMs = 86_400_000;

/** Firing when the last scrub ended longer ago than the limit, or never ran; held while one runs or after a resilver. */
function scrubCondition(pool: PoolHealth, now: Date, maxAgeDays: number): Observation['condition'] {
  if (pool.scrub.inProgress || pool.scrub.kind === 'resilver' || pool.scrub.kind === 'unknown') return 'hold';
  if (pool.scrub.kind === 'none' || !pool.scrub.finishedAt) return 'firing';
  return now.getTime() - Date.parse(pool.scrub.finishedAt) > maxAgeDays * dayMs ? 'firing' : 'clear';
}

function smartPart(options: StorageChecksOptions): Part {
  const rule = options.config.smartFailing;
  return async (host) => {
    const report = await options.client.smart('storage_smart_health', host);
    const covers = [{ rule: 'smart-failing', host }];
    if (!report.installed) return { observations: [], covers };
    const observations = report.drives
      .filter((drive) => drive.problem === null || isFailing(drive))
      .map((drive): Observation => {
        const named = drive.failing.length > 0 ? ` (${drive.failing.slice(0, 3).join(', ')})` : '';
        return {
          rule: 'smart-failing',
          target: drive.device,
          host,
          condition: isFailing(drive) ? 'firing' : 'clear',
          severity: rule.severity,
          for: rule.for,
          summary: `drive ${drive.device} on ${spokenHost(host)} is failing SMART${named}`,
          recovery: `drive ${drive.device} on ${spokenHost(host)} passes SMART again`,
        };
      });
    return { observations, covers };
  };
}

function poolObservations(config: StorageConfig, pool: PoolHealth, host: string, now: Date): Observation[] {
  const where = `ZFS pool ${pool.name} on ${spokenHost(host)}`;
  const seen: Observation[] = [];
  if (config.poolDegraded.enabled)
    seen.push({
      rule: 'pool-degraded',
      target: pool.name,
      host,
      condition: pool.health === 'ONLINE' ? 'clear' : 'firing',
      severity: config.poolDegraded.severity,
      for: config.poolDegraded.for,
      summary: `${where} is ${pool.health.toLowerCase()}`,
      recovery: `${where} is healthy again`,
    });
  if (config.scrubOverdue.enabled)
    seen.push({
      rule: 'scrub-overdue',
      target: pool.name,
      host,
      condition: scrubCondition(pool, now, config.scrubOverdue.maxAgeDays),
      severity: config.scrubOverdue.severity,
      for: 0,
      summary: `${where} has not been scrubbed for more than ${config.scrubOverdue.maxAgeDays} days`,
      recovery: `${where} has been scrubbed`,
    });
  return seen;
}

function poolPart(options: StorageChecksOptions, clock: () => Date): Part {
  const { config } = options;
  const rules = [
    ...(config.poolDegraded.enabled ? ['pool-degraded'] : []),
    ...(config.scrubOverdue.enabled ? ['scrub-overdue'] : []),
  ];
  return async (host) => {
    const report = await options.client.pools('storage_zfs_pools', host);
    const covers = rules.map((rule) => ({ rule, host }));
    if (!report.installed) return { observations: [], covers };
    const now = clock();
    return { observations: report.pools.flatMap((pool) => poolObservations(config, pool, host, now)), covers };
  };
}

function arrayPart(options: StorageChecksOptions): Part {
  const rule = options.config.arrayDegraded;
  return async (host) => {
    const report = await options.client.arrays('storage_md_arrays', host);
    const observations = report.arrays.map((array): Observation => ({
      rule: 'array-degraded',
      target: array.name,
      host,
      condition: array.degraded ? 'firing' : 'clear',
      severity: rule.severity,
      for: rule.for,
      summary: `RAID array ${array.name} on ${spokenHost(host)} is degraded`,
      recovery: `RAID array ${array.name} on ${spokenHost(host)} is whole again`,
    }));
    return { observations, covers: [{ rule: 'array-degraded', host }] };
  };
}

export function createStorageChecks(options: StorageChecksOptions): AlertCheck[] {
  const { config } = options;
  const clock = options.clock ?? (() => new Date());
  const log = options.log.child('alerts:storage');
  const parts: Part[] = [
    ...(config.smartFailing.enabled ? [smartPart(options)] : []),
    ...(config.poolDegraded.enabled || config.scrubOverdue.enabled ? [poolPart(options, clock)] : []),
    ...(config.arrayDegraded.enabled ? [arrayPart(options)] : []),
  ];
  if (parts.length === 0) return [];
  const warned = new Set<string>();
  const safely = (part: Part, host: string) =>
    part(host).catch((error: unknown): CheckRun => {
      // Once per host at warn level, then at debug: it repeats on every run.
      log[warned.has(host) ? 'debug' : 'warn']('could not read storage health', { host, error: describeError(error) });
      warned.add(host);
      return { observations: [], covers: [] };
    });
  return [
    {
      name: 'storage.health',
      intervalMs: config.checkEvery,
      async run(): Promise<CheckRun> {
        const runs = await Promise.all(options.hosts().flatMap((host) => parts.map((part) => safely(part, host))));
        return { observations: runs.flatMap((run) => run.observations), covers: runs.flatMap((run) => run.covers) };
      },
    },
  ];
}
