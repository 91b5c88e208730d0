/**
 * This machine's metric alert checks: CPU, memory, disk per mount, temperature and load against the
 * threshold rules of config.alerts.rules, read from the background sampler's latest snapshot (never a
 * fresh, slow sample). A rule this machine cannot measure (no temperature sensors) is left uncovered,
 * so it neither fires nor resolves anything.
 */
import type { AlertsConfig } from '../../src/config/alerts-schema.js';
import { spokenMount, spokenNumber, spokenPercent } from '../../src/router/speech-format.js';
import type { AlertCheck, CheckRun, Observation } from '../../src/toolkit/check.js';
import { localHost } from '../../src/toolkit/host-input.js';
import type { SystemSampler } from './sampler.js';
import { selectFilesystems } from './system-tools.js';
import { thresholdObservation, type ThresholdRule } from './threshold.js';
import type { SystemSnapshot, TemperatureSnapshot } from './types.js';

export interface SystemChecksOptions {
  sampler: Pick<SystemSampler, 'latest'>;
  rules: AlertsConfig['rules'];
  intervalMs: number;
  /** A snapshot older than this means the sampler is stuck: the run fails and no alert changes. Default 2 minutes. */
  maxSnapshotAgeMs?: number;
  clock?: () => Date;
}

type MetricRule = 'cpu' | 'memory' | 'disk' | 'temperature' | 'load';
const metricRules: readonly MetricRule[] = ['cpu', 'memory', 'disk', 'temperature', 'load'];

/** "the root filesystem", "the disk on /mnt/tank". */
function diskName(mount: string): string {
  return mount === '/' ? spokenMount(mount) : `the disk on ${mount}`;
}

/** The hottest reading of any sensor, or null when the machine reports none (a VM). */
function hottest(temperature: TemperatureSnapshot): number | null {
  const readings = [temperature.maxCelsius, temperature.mainCelsius, ...temperature.coresCelsius].filter(
    (reading): reading is number => reading !== null && Number.isFinite(reading),
  );
  return temperature.available && readings.length > 0 ? Math.max(...readings) : null;
}

function degrees(value: number): string {
  return `${Math.round(value)} degrees Celsius`;
}

/** Every enabled rule's observations from one snapshot, or null for a rule this snapshot cannot speak for. */
function observe(rule: MetricRule, config: ThresholdRule, snapshot: SystemSnapshot): Observation[] | null {
  const one = (target: string, value: number, summary: string, recovery: string) =>
    thresholdObservation(config, { rule, target, value, summary, recovery });
  switch (rule) {
    case 'cpu': {
      const value = snapshot.cpu.totalPercent;
      return [
        one('cpu', value, `the CPU has been at ${spokenPercent(value)}`, `the CPU is back to ${spokenPercent(value)}`),
      ];
    }
    case 'memory': {
      const value = snapshot.memory.usedPercent;
      return [
        one(
          'memory',
          value,
          `memory use is at ${spokenPercent(value)}`,
          `memory use is back to ${spokenPercent(value)}`,
        ),
      ];
    }
    case 'disk': {
      const seen = new Set<string>();
      return selectFilesystems(snapshot.filesystems).flatMap((filesystem) => {
        if (seen.has(filesystem.mount)) return [];
        seen.add(filesystem.mount);
        const name = diskName(filesystem.mount);
        const value = filesystem.usedPercent;
        return [
          one(
            filesystem.mount,
            value,
            `${name} is ${spokenPercent(value)} full`,
            `${name} is back to ${spokenPercent(value)}`,
          ),
        ];
      });
    }
    case 'temperature': {
      const value = hottest(snapshot.temperature);
      if (value === null) return null;
      return [one('temperature', value, `the CPU is at ${degrees(value)}`, `the CPU has cooled to ${degrees(value)}`)];
    }
    case 'load': {
      if (!(snapshot.load.cores > 0)) return null;
      const value = snapshot.load.load5 / snapshot.load.cores;
      return [
        one(
          'load',
          value,
          `the 5-minute load average is ${spokenNumber(value)} per CPU core`,
          `the load average is back to ${spokenNumber(value)} per CPU core`,
        ),
      ];
    }
  }
}

/** One run over one snapshot: what each enabled rule saw, and which rules it speaks for. */
export function metricsRun(snapshot: SystemSnapshot, rules: AlertsConfig['rules']): CheckRun {
  const observations: Observation[] = [];
  const covers: Array<{ rule: string; host: string }> = [];
  for (const rule of metricRules) {
    if (!rules[rule].enabled) continue;
    const seen = observe(rule, rules[rule], snapshot);
    if (seen === null) continue;
    observations.push(...seen);
    covers.push({ rule, host: localHost });
  }
  return { observations, covers };
}

/** The metric check ('system.metrics'), or none when every metric rule is disabled. */
export function createSystemChecks(options: SystemChecksOptions): AlertCheck[] {
  if (!metricRules.some((rule) => options.rules[rule].enabled)) return [];
  const clock = options.clock ?? (() => new Date());
  const maxAge = options.maxSnapshotAgeMs ?? 120_000;
  return [
    {
      name: 'system.metrics',
      intervalMs: options.intervalMs,
      async run() {
        const snapshot = await options.sampler.latest();
        const age = clock().getTime() - snapshot.sampledAt.getTime();
        if (age > maxAge)
          throw new Error(
            `the latest system sample is ${Math.round(age / 1000)} s old; the background sampler may be stuck`,
          );
        return metricsRun(snapshot, options.rules);
      },
    },
  ];
}
