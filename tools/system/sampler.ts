/**
 * Samples the machine in the background so no question waits for systeminformation (its first
 * currentLoad() alone blocks about half a second). The timer does not keep the process alive unless
 * asked (keepAlive).
 */
import si from 'systeminformation';
import type { Logger } from '../../src/log.js';
import { collectSnapshot, type NetworkCounters, type SystemInformation } from './collect-snapshot.js';
import type { SystemSnapshot } from './types.js';

export interface SystemSampler {
  start(): void;
  stop(): void;
  /** The last sample at once; before the first sample completes, waits for it. */
  latest(): Promise<SystemSnapshot>;
  /** Collects a fresh sample now (the benchmark's on-demand path). */
  sampleNow(): Promise<SystemSnapshot>;
}

export interface SystemSamplerOptions {
  intervalMs: number;
  si?: SystemInformation;
  clock?: () => Date;
  log: Logger;
  /** Keep the process alive for the timer (a service); default false. */
  keepAlive?: boolean;
}

export function createSystemSampler(options: SystemSamplerOptions): SystemSampler {
  const info = options.si ?? si;
  const clock = options.clock ?? (() => new Date());
  const log = options.log.child('system:sampler');
  let last: SystemSnapshot | undefined;
  let counters: NetworkCounters | undefined;
  let inFlight: Promise<SystemSnapshot> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  function sampleNow(): Promise<SystemSnapshot> {
    if (inFlight) return inFlight;
    inFlight = collectSnapshot(info, counters, clock)
      .then((result) => {
        last = result.snapshot;
        counters = result.counters;
        return result.snapshot;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  /** Chained timeouts, so a slow sample never overlaps the next one. */
  function schedule(): void {
    if (!running) return;
    timer = setTimeout(() => {
      sampleNow()
        .catch((error: unknown) => log.warn('system sample failed', { error }))
        .finally(schedule);
    }, options.intervalMs);
    if (!options.keepAlive) timer.unref();
  }

  return {
    start() {
      if (running) return;
      running = true;
      sampleNow()
        .catch((error: unknown) => log.warn('first system sample failed', { error }))
        .finally(schedule);
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
    latest: () => (last ? Promise.resolve(last) : sampleNow()),
    sampleNow,
  };
}
