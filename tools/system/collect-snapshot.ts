/**
 * One full sample of this machine through systeminformation. Network throughput is computed from
 * the byte counters of this sample and the previous one, so the first sample reports zero.
 */
import os from 'node:os';
import type si from 'systeminformation';
import type { FilesystemUsage, NetworkRate, ProcessInfo, SystemSnapshot, TemperatureSnapshot } from './types.js';

/** One row of the process list: what systeminformation's processes() reports, or tools/system/proc-processes.ts. */
export type ProcessRow = Pick<si.Systeminformation.ProcessesProcessData, 'pid' | 'name' | 'cpu' | 'mem' | 'memRss'>;

/**
 * The parts of the systeminformation module the sampler uses (injectable for tests); the process list,
 * the network counters and the uptime may come from elsewhere (sampler.ts reads them without spawning).
 */
export type SystemInformation = Pick<typeof si, 'currentLoad' | 'mem' | 'fsSize' | 'cpuTemperature'> & {
  networkStats(ifaces: '*'): Promise<Array<{ iface: string; rx_bytes: number; tx_bytes: number }>>;
  processes(): Promise<{ list: ProcessRow[] }>;
  time(): { uptime: number | string };
};

export interface NetworkCounters {
  at: number;
  bytes: Map<string, { rx: number; tx: number }>;
}

/** Enough processes kept per ordering for top_processes' largest limit. */
export const keptProcesses = 20;

export async function collectSnapshot(
  info: SystemInformation,
  previous: NetworkCounters | undefined,
  clock: () => Date,
): Promise<{ snapshot: SystemSnapshot; counters: NetworkCounters }> {
  const [load, memory, filesystems, temperature, network, processes] = await Promise.all([
    info.currentLoad(),
    info.mem(),
    info.fsSize(),
    info.cpuTemperature(),
    info.networkStats('*'),
    info.processes(),
  ]);
  const sampledAt = clock();
  const counters: NetworkCounters = {
    at: sampledAt.getTime(),
    bytes: new Map(network.map((entry) => [entry.iface, { rx: entry.rx_bytes, tx: entry.tx_bytes }])),
  };
  const available = memory.available;
  const [load1, load5, load15] = os.loadavg() as [number, number, number];
  const snapshot: SystemSnapshot = {
    sampledAt,
    hostname: os.hostname(),
    cpu: { totalPercent: round(load.currentLoad), perCore: load.cpus.map((core) => round(core.load)) },
    memory: {
      totalBytes: memory.total,
      usedBytes: memory.total - available,
      availableBytes: available,
      usedPercent: percent(memory.total - available, memory.total),
      swapTotalBytes: memory.swaptotal,
      swapUsedBytes: memory.swapused,
      swapPercent: percent(memory.swapused, memory.swaptotal),
    },
    filesystems: filesystems.map((entry): FilesystemUsage => ({
      mount: entry.mount,
      device: entry.fs,
      type: entry.type,
      sizeBytes: entry.size,
      usedBytes: entry.used,
      usedPercent: round(entry.use),
    })),
    temperature: toTemperature(temperature),
    load: {
      load1: round(load1),
      load5: round(load5),
      load15: round(load15),
      cores: load.cpus.length || os.cpus().length,
    },
    uptimeSeconds: Math.round(Number(info.time().uptime)),
    network: rates(previous, counters),
    topByCpu: topProcesses(processes.list, (process) => process.cpu),
    topByMemory: topProcesses(processes.list, (process) => process.memRss),
  };
  return { snapshot, counters };
}

function toTemperature(data: si.Systeminformation.CpuTemperatureData): TemperatureSnapshot {
  const valid = (value: number | null | undefined): value is number =>
    typeof value === 'number' && Number.isFinite(value) && value > 0;
  const cores = (data.cores ?? []).filter(valid);
  const main = valid(data.main) ? data.main : null;
  const max = valid(data.max) ? data.max : null;
  return { available: main !== null || cores.length > 0, mainCelsius: main, maxCelsius: max, coresCelsius: cores };
}

function rates(previous: NetworkCounters | undefined, current: NetworkCounters): NetworkRate[] {
  const seconds = previous ? (current.at - previous.at) / 1000 : 0;
  return [...current.bytes].map(([iface, now]) => {
    const before = previous?.bytes.get(iface);
    if (!before || seconds <= 0) return { iface, rxBytesPerSecond: 0, txBytesPerSecond: 0 };
    return {
      iface,
      rxBytesPerSecond: Math.max(0, Math.round((now.rx - before.rx) / seconds)),
      txBytesPerSecond: Math.max(0, Math.round((now.tx - before.tx) / seconds)),
    };
  });
}

function topProcesses(list: ProcessRow[], key: (process: ProcessRow) => number): ProcessInfo[] {
  return [...list]
    .sort((left, right) => key(right) - key(left))
    .slice(0, keptProcesses)
    .map((process) => ({
      pid: process.pid,
      name: process.name,
      cpuPercent: round(process.cpu),
      memoryPercent: round(process.mem),
      memoryBytes: process.memRss * 1024,
    }));
}

function percent(part: number, whole: number): number {
  return whole > 0 ? round((part / whole) * 100) : 0;
}

function round(value: number): number {
  return Math.round((Number.isFinite(value) ? value : 0) * 10) / 10;
}
