/**
 * The services area's alert check ('services.failed-units', rule unit-failed): the failed systemd units
 * of every host, one alert per unit. A host that could not be asked (down, no systemd, no systemctl) is
 * not covered, so its alerts stay as they are (host-down, the SSH area's, inhibits them).
 */
import type { ServicesConfig } from '../../src/config/host-health-schema.js';
import { describeError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { AlertCheck, CheckRun, Observation } from '../../src/toolkit/check.js';
import { spokenHost } from '../../src/toolkit/host-command-error.js';
import type { ServicesClient } from './client.js';
import { spokenUnit } from './unit-name.js';

export interface ServicesChecksOptions {
  client: Pick<ServicesClient, 'failedUnits'>;
  hosts: () => readonly string[];
  config: ServicesConfig['failedUnits'];
  log: Logger;
}

/** "*.timer", "backup-?" as a regular expression over the whole name. */
function patternMatches(pattern: string, unit: string): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`).test(unit) || new RegExp(`^${escaped}\\.service$`).test(unit);
}

const rule = 'unit-failed';

export function createServicesChecks(options: ServicesChecksOptions): AlertCheck[] {
  const { config } = options;
  if (!config.enabled) return [];
  const log = options.log.child('alerts:services');
  const ignored = (unit: string) => config.ignore.some((pattern) => patternMatches(pattern, unit));
  // Said once per host at warn level (no systemd there, a host down), then at debug: it repeats every minute.
  const warned = new Set<string>();

  async function hostRun(host: string): Promise<CheckRun> {
    try {
      const failed = await options.client.failedUnits('systemd_failed_units', host);
      const observations: Observation[] = failed.units
        .filter((row) => !ignored(row.unit))
        .map((row) => ({
          rule,
          target: row.unit,
          host,
          condition: 'firing' as const,
          severity: config.severity,
          for: config.for,
          summary: `${spokenUnit(row.unit)} has failed on ${spokenHost(host)}`,
          recovery: `${spokenUnit(row.unit)} is no longer failed on ${spokenHost(host)}`,
        }));
      return { observations, covers: [{ rule, host }] };
    } catch (error) {
      const level = warned.has(host) ? 'debug' : 'warn';
      warned.add(host);
      log[level]('could not list failed units', { host, error: describeError(error) });
      return { observations: [], covers: [] };
    }
  }

  return [
    {
      name: 'services.failed-units',
      intervalMs: config.every,
      async run(): Promise<CheckRun> {
        const runs = await Promise.all(options.hosts().map(hostRun));
        return { observations: runs.flatMap((run) => run.observations), covers: runs.flatMap((run) => run.covers) };
      },
    },
  ];
}
