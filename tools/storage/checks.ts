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

type Part = (host: string) => Promise<CheckRun>;

const dayMs = 86_400_000;

/** Firing when the last scrub ended longer ago than the limit, or never ran; held while one runs or after a resilver. */
function scrubCondition(pool: PoolHealth, now: Date, maxAgeDays: number): Observation['condition'] {
  if (pool.scrub.inProgress || pool.scrub.kind === 'resilver' || pool.scrub.kind === 'unknown') return 'hold';
  if (pool.scrub.kind === 'none' || !pool.scrub.finishedAt) return 'firing';
  return now.getTime() - Date.parse(pool.scrub.finishedAt) > maxAgeDays * dayMs ? 'firing' : 'clear';
}

export function createStorageChecks(options: StorageChecksOptions): AlertCheck[] {
  const { config } = options;
  const clock = options.clock ?? (() => new Date());
  const log = options.log.child('alerts:storage');
  const parts: Part[] = [];

  if (config.smartFailing.enabled)
    parts.push(async (host) => {
      const report = await options.client.smart('storage_smart_health', host);
      const rule = 'smart-failing';
      if (!report.installed) return { observations: [], covers: [{ rule, host }] };
      const observations = report.drives
        .filter((drive) => drive.problem === null || isFailing(drive))
        .map((drive): Observation => {
          const named = drive.failing.length > 0 ? ` (${drive.failing.slice(0, 3).join(', ')})` : '';
          return {
            rule,
            target: drive.device,
            host,
            condition: isFailing(drive) ? 'firing' : 'clear',
            severity: config.smartFailing.severity,
            for: config.smartFailing.for,
            summary: `drive ${drive.device} on ${spokenHost(host)} is failing SMART${named}`,
            recovery: `drive ${drive.device} on ${spokenHost(host)} passes SMART again`,
          };
        });
      return { observations, covers: [{ rule, host }] };
    });

  if (config.poolDegraded.enabled || config.scrubOverdue.enabled)
    parts.push(async (host) => {
      const report = await options.client.pools('storage_zfs_pools', host);
      const rules = [
        ...(config.poolDegraded.enabled ? ['pool-degraded'] : []),
        ...(config.scrubOverdue.enabled ? ['scrub-overdue'] : []),
      ];
      const covers = rules.map((rule) => ({ rule, host }));
      if (!report.installed) return { observations: [], covers };
      const now = clock();
      const observations = report.pools.flatMap((pool): Observation[] => [
        ...(config.poolDegraded.enabled
          ? [
              {
                rule: 'pool-degraded',
                target: pool.name,
                host,
                condition: pool.health === 'ONLINE' ? ('clear' as const) : ('firing' as const),
                severity: config.poolDegraded.severity,
                for: config.poolDegraded.for,
                summary: `ZFS pool ${pool.name} on ${spokenHost(host)} is ${pool.health.toLowerCase()}`,
                recovery: `ZFS pool ${pool.name} on ${spokenHost(host)} is healthy again`,
              },
            ]
          : []),
        ...(config.scrubOverdue.enabled
          ? [
              {
                rule: 'scrub-overdue',
                target: pool.name,
                host,
                condition: scrubCondition(pool, now, config.scrubOverdue.maxAgeDays),
                severity: config.scrubOverdue.severity,
                for: 0,
                summary: `ZFS pool ${pool.name} on ${spokenHost(host)} has not been scrubbed for more than ${config.scrubOverdue.maxAgeDays} days`,
                recovery: `ZFS pool ${pool.name} on ${spokenHost(host)} has been scrubbed`,
              },
            ]
          : []),
      ]);
      return { observations, covers };
    });

  if (config.arrayDegraded.enabled)
    parts.push(async (host) => {
      const report = await options.client.arrays('storage_md_arrays', host);
      const rule = 'array-degraded';
      const observations = report.arrays.map((array): Observation => ({
        rule,
        target: array.name,
        host,
        condition: array.degraded ? 'firing' : 'clear',
        severity: config.arrayDegraded.severity,
        for: config.arrayDegraded.for,
        summary: `RAID array ${array.name} on ${spokenHost(host)} is degraded`,
        recovery: `RAID array ${array.name} on ${spokenHost(host)} is whole again`,
      }));
      return { observations, covers: [{ rule, host }] };
    });

  if (parts.length === 0) return [];
  const safely = (part: Part, host: string) =>
    part(host).catch((error: unknown): CheckRun => {
      log.warn('could not read storage health', { host, error: describeError(error) });
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
