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
import { thresholdObservation } from './threshold.js';
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

/** One figure of a snapshot with the sentences said about it. */
interface Reading {
  target: string;
  value: number;
  summary: string;
  recovery: string;
}

/** What each rule reads from a snapshot, or null when this machine cannot measure it. */
const readings: Record<MetricRule, (snapshot: SystemSnapshot) => Reading[] | null> = {
  cpu: ({ cpu }) => [
    {
      target: 'cpu',
      value: cpu.totalPercent,
      summary: `the CPU has been at ${spokenPercent(cpu.totalPercent)}`,
      recovery: `the CPU is back to ${spokenPercent(cpu.totalPercent)}`,
    },
  ],
  memory: ({ memory }) => [
    {
      target: 'memory',
      value: memory.usedPercent,
      summary: `memory use is at ${spokenPercent(memory.usedPercent)}`,
      recovery: `memory use is back to ${spokenPercent(memory.usedPercent)}`,
    },
  ],
  disk: ({ filesystems }) => {
    const mounts = new Map(selectFilesystems(filesystems).map((filesystem) => [filesystem.mount, filesystem]));
    return [...mounts.values()].map(({ mount, usedPercent }) => ({
      target: mount,
      value: usedPercent,
      summary: `${diskName(mount)} is ${spokenPercent(usedPercent)} full`,
      recovery: `${diskName(mount)} is back to ${spokenPercent(usedPercent)}`,
    }));
  },
  temperature: ({ temperature }) => {
    const value = hottest(temperature);
    if (value === null) return null;
    const summary = `the CPU is at ${degrees(value)}`;
    return [{ target: 'temperature', value, summary, recovery: `the CPU has cooled to ${degrees(value)}` }];
  },
  load: ({ load }) => {
    if (!(load.cores > 0)) return null;
    const value = load.load5 / load.cores;
    return [
      {
        target: 'load',
        value,
        summary: `the 5-minute load average is ${spokenNumber(value)} per CPU core`,
        recovery: `the load average is back to ${spokenNumber(value)} per CPU core`,
      },
    ];
  },
};

/** One run over one snapshot: what each enabled rule saw, and which rules it speaks for. */
function metricsRun(snapshot: SystemSnapshot, rules: AlertsConfig['rules']): CheckRun {
  const observations: Observation[] = [];
  const covers: Array<{ rule: string; host: string }> = [];
  for (const rule of metricRules) {
    if (!rules[rule].enabled) continue;
    const read = readings[rule](snapshot);
    if (read === null) continue;
    observations.push(...read.map((reading) => thresholdObservation(rules[rule], { rule, ...reading })));
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
