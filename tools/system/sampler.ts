/**
 * Samples the machine in the background so no question waits for systeminformation (its first
 * currentLoad() alone blocks about half a second). The timer does not keep the process alive unless
 * asked (keepAlive).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import si from 'systeminformation';
import type { Logger } from '../../src/log.js';
import { collectSnapshot, type NetworkCounters, type SystemInformation } from './collect-snapshot.js';
import { readNetworkCounters } from './proc-network.js';
import { createProcProcesses } from './proc-processes.js';
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
  const info = options.si ?? defaultSystemInformation();
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

/**
 * systeminformation, except the parts that spawned programs on every sample: the process list
 * (`ps` plus one `cat` per process) and the network counters (seven `cat`s per interface) come from
 * /proc where there is one, and the uptime from the kernel
 * (si.time() runs `date` synchronously, blocking the event loop and with it the microphone).
 */
function defaultSystemInformation(): SystemInformation {
  const linux = existsSync('/proc/stat') && existsSync('/proc/net/dev');
  return {
    currentLoad: si.currentLoad,
    mem: si.mem,
    fsSize: si.fsSize,
    cpuTemperature: si.cpuTemperature,
    networkStats: linux ? () => readNetworkCounters() : (ifaces) => si.networkStats(ifaces),
    processes: linux ? createProcProcesses() : () => si.processes(),
    time: () => ({ uptime: os.uptime() }),
  };
}
