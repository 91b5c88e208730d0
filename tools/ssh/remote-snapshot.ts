/**
 * A system snapshot of any host: this machine from the background sampler (the fast path), another
 * host from three commands over its pooled connection: `head -v` of the /proc files, `df -P -T -B1`
 * and `ps`. CPU and network rates need two readings: the previous one when it is recent, else a
 * second /proc/stat a quarter second later. A remote host has no temperature sensors read (reported
 * as unavailable), and its process CPU figures are ps's averages over each process's life.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { HostCommands } from '../../src/toolkit/host-commands.js';
import { localHost } from '../../src/toolkit/host-input.js';
import type { SystemSampler } from '../system/sampler.js';
import type { ProcessInfo, SystemSnapshot } from '../system/types.js';
import {
  busyPercent,
  parseCpuTimes,
  parseDf,
  parseLoadavg,
  parseMeminfo,
  parseNetDev,
  parseUptime,
  splitHeadOutput,
  type CpuTimes,
} from './proc-parsers.js';

export interface HostSnapshots {
  /** The latest figures of a host ('local': the sampler's); rejects with a HostCommandError when the host cannot be read. */
  latest(host: string, options?: { timeoutMs?: number }): Promise<SystemSnapshot>;
}

export interface HostSnapshotsOptions {
  sampler: Pick<SystemSampler, 'latest'>;
  commands: HostCommands;
  /** A remote snapshot younger than this is reused; default 2 s. */
  maxAgeMs?: number;
  clock?: () => Date;
}

interface Reading {
  at: number;
  cpu: { total: CpuTimes | null; cores: CpuTimes[] };
  network: Map<string, { rx: number; tx: number }>;
  snapshot: SystemSnapshot;
}

const procFiles = [
  '/proc/loadavg',
  '/proc/meminfo',
  '/proc/stat',
  '/proc/uptime',
  '/proc/net/dev',
  '/proc/sys/kernel/hostname',
];

export function createHostSnapshots(options: HostSnapshotsOptions): HostSnapshots {
  const clock = options.clock ?? (() => new Date());
  const maxAgeMs = options.maxAgeMs ?? 2000;
  const readings = new Map<string, Reading>();
  const inFlight = new Map<string, Promise<SystemSnapshot>>();

  async function collect(host: string, timeoutMs: number): Promise<SystemSnapshot> {
    const run = (argv: string[]) => options.commands.run(host, argv, { timeoutMs });
    const [proc, df, ps] = await Promise.all([
      run(['head', '-v', '-n', '4000', ...procFiles]),
      run(['df', '-P', '-T', '-B1']),
      run(['ps', '-e', '-o', 'pid,comm,pcpu,pmem,rss', '--no-headers']).catch(() => null),
    ]);
    const now = clock();
    const files = splitHeadOutput(proc.stdout);
    let previous = readings.get(host);
    if (!previous || now.getTime() - previous.at > 60_000) {
      previous = undefined;
    }
    let cpu = parseCpuTimes(files.get('/proc/stat') ?? '');
    let before = previous?.cpu;
    if (!before) {
      // No recent reading to compare with: take a second one shortly, so the figure is "now", not "since boot".
      before = cpu;
      await sleep(250);
      cpu = parseCpuTimes((await run(['cat', '/proc/stat'])).stdout);
    }
    const network = parseNetDev(files.get('/proc/net/dev') ?? '');
    const snapshot = toSnapshot({ files, df: df.stdout, ps: ps?.stdout ?? '', cpu, before, network, previous, now });
    readings.set(host, { at: now.getTime(), cpu, network, snapshot });
    return snapshot;
  }

  return {
    async latest(host, latestOptions = {}) {
      if (host === localHost) return options.sampler.latest();
      const last = readings.get(host);
      if (last && clock().getTime() - last.at < maxAgeMs) return last.snapshot;
      const pending = inFlight.get(host) ?? collect(host, latestOptions.timeoutMs ?? 8000);
      inFlight.set(host, pending);
      try {
        return await pending;
      } finally {
        inFlight.delete(host);
      }
    },
  };
}

interface SnapshotParts {
  files: Map<string, string>;
  df: string;
  ps: string;
  cpu: { total: CpuTimes | null; cores: CpuTimes[] };
  before: { total: CpuTimes | null; cores: CpuTimes[] };
  network: Map<string, { rx: number; tx: number }>;
  previous: Reading | undefined;
  now: Date;
}

function toSnapshot(parts: SnapshotParts): SystemSnapshot {
  const memory = parseMeminfo(parts.files.get('/proc/meminfo') ?? '');
  const total = memory.get('MemTotal') ?? NaN;
  const available = memory.get('MemAvailable') ?? NaN;
  const swapTotal = memory.get('SwapTotal') ?? 0;
  const swapUsed = swapTotal - (memory.get('SwapFree') ?? 0);
  const load = parseLoadavg(parts.files.get('/proc/loadavg') ?? '');
  const processes = parseProcesses(parts.ps, total);
  return {
    sampledAt: parts.now,
    hostname: (parts.files.get('/proc/sys/kernel/hostname') ?? '').trim(),
    cpu: {
      totalPercent: parts.cpu.total ? busyPercent(parts.cpu.total, parts.before.total ?? undefined) : NaN,
      perCore: parts.cpu.cores.map((core, index) => busyPercent(core, parts.before.cores[index])),
    },
    memory: {
      totalBytes: total,
      usedBytes: total - available,
      availableBytes: available,
      usedPercent: percent(total - available, total),
      swapTotalBytes: swapTotal,
      swapUsedBytes: swapUsed,
      swapPercent: percent(swapUsed, swapTotal),
    },
    filesystems: parseDf(parts.df).map(({ mount, device, type, sizeBytes, usedBytes, usedPercent }) => ({
      mount,
      device,
      type,
      sizeBytes,
      usedBytes,
      usedPercent,
    })),
    temperature: { available: false, mainCelsius: null, maxCelsius: null, coresCelsius: [] },
    load: { ...load, cores: parts.cpu.cores.length },
    uptimeSeconds: Math.round(parseUptime(parts.files.get('/proc/uptime') ?? '')),
    network: networkRates(parts),
    topByCpu: [...processes].sort((left, right) => right.cpuPercent - left.cpuPercent).slice(0, 20),
    topByMemory: [...processes].sort((left, right) => right.memoryBytes - left.memoryBytes).slice(0, 20),
  };
}

function networkRates(parts: SnapshotParts): SystemSnapshot['network'] {
  const seconds = parts.previous ? (parts.now.getTime() - parts.previous.at) / 1000 : 0;
  return [...parts.network].map(([iface, now]) => {
    const before = parts.previous?.network.get(iface);
    if (!before || seconds <= 0) return { iface, rxBytesPerSecond: 0, txBytesPerSecond: 0 };
    return {
      iface,
      rxBytesPerSecond: Math.max(0, Math.round((now.rx - before.rx) / seconds)),
      txBytesPerSecond: Math.max(0, Math.round((now.tx - before.tx) / seconds)),
    };
  });
}

/** `ps -e -o pid,comm,pcpu,pmem,rss --no-headers` rows (rss in KiB). */
function parseProcesses(text: string, totalBytes: number): ProcessInfo[] {
  return text.split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s+(.+?)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s*$/.exec(line);
    if (!match) return [];
    const memoryBytes = Number(match[5]) * 1024;
    return [
      {
        pid: Number(match[1]),
        name: match[2]!,
        cpuPercent: Number(match[3]),
        memoryPercent: Number.isFinite(totalBytes) ? percent(memoryBytes, totalBytes) : Number(match[4]),
        memoryBytes,
      },
    ];
  });
}

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}
