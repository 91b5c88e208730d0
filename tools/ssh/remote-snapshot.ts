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
import type { ProcReader } from './proc-reader.js';
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
  latest(host: string, options?: LatestOptions): Promise<SystemSnapshot>;
}

export interface LatestOptions {
  timeoutMs?: number;
  /** false: leave the process list out (the status of all hosts needs none; it is the costliest read). Default true. */
  processes?: boolean;
}

export interface HostSnapshotsOptions {
  sampler: Pick<SystemSampler, 'latest'>;
  commands: HostCommands;
  /** Reads the /proc files without a command (SFTP, tools/ssh/proc-reader.ts); `head` when absent or refused. */
  procReader?: ProcReader;
  /** A remote snapshot younger than this is reused; default 2 s. */
  maxAgeMs?: number;
  clock?: () => Date;
}

const disksMaxAgeMs = 60_000;

interface Reading {
  at: number;
  /** When the disks in `snapshot` were read. */
  disksAt: number;
  withProcesses: boolean;
  cpu: { total: CpuTimes | null; cores: CpuTimes[] };
  network: Map<string, { rx: number; tx: number }>;
  snapshot: SystemSnapshot;
}

/** What the status of all hosts reads: no network counters, no host name. */
const statusFiles = ['/proc/loadavg', '/proc/meminfo', '/proc/stat', '/proc/uptime'];
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

  async function collect(host: string, timeoutMs: number, withProcesses: boolean): Promise<SystemSnapshot> {
    const run = (argv: string[]) => options.commands.run(host, argv, { timeoutMs });
    const previousReading = readings.get(host);
    // Disks fill slowly: the status of all hosts reuses a disk reading up to a minute old (one command per host).
    const reuseDisks =
      !withProcesses && previousReading !== undefined && clock().getTime() - previousReading.disksAt < disksMaxAgeMs;
    const [files, df, ps] = await Promise.all([
      readProcFiles(host, timeoutMs, withProcesses ? procFiles : statusFiles),
      reuseDisks ? null : run(['df', '-P', '-T', '-B1']),
      withProcesses ? run(['ps', '-e', '-o', 'pid,comm,pcpu,pmem,rss', '--no-headers']).catch(() => null) : null,
    ]);
    const now = clock();
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
      cpu = parseCpuTimes((await readProcFiles(host, timeoutMs, ['/proc/stat'])).get('/proc/stat') ?? '');
    }
    const network = files.has('/proc/net/dev')
      ? parseNetDev(files.get('/proc/net/dev')!)
      : (previous?.network ?? new Map());
    const snapshot = toSnapshot({
      files,
      df: df?.stdout ?? '',
      ps: ps?.stdout ?? '',
      cpu,
      before,
      network,
      previous,
      now,
    });
    if (df === null && previousReading) snapshot.filesystems = previousReading.snapshot.filesystems;
    const disksAt = df === null && previousReading ? previousReading.disksAt : now.getTime();
    readings.set(host, { at: now.getTime(), disksAt, withProcesses, cpu, network, snapshot });
    return snapshot;
  }

  async function readProcFiles(host: string, timeoutMs: number, paths = procFiles): Promise<Map<string, string>> {
    const read = await options.procReader?.read(host, paths, { timeoutMs, maxBytes: 256 * 1024 });
    if (read) return read;
    const output = await options.commands.run(host, ['head', '-v', '-n', '4000', ...paths], { timeoutMs });
    return splitHeadOutput(output.stdout);
  }

  return {
    async latest(host, latestOptions = {}) {
      if (host === localHost) return options.sampler.latest();
      const withProcesses = latestOptions.processes ?? true;
      const last = readings.get(host);
      const fresh = last && clock().getTime() - last.at < maxAgeMs;
      if (fresh && (last.withProcesses || !withProcesses)) return last.snapshot;
      const key = `${host}\u0000${withProcesses}`;
      const pending = inFlight.get(key) ?? collect(host, latestOptions.timeoutMs ?? 8000, withProcesses);
      inFlight.set(key, pending);
      try {
        return await pending;
      } finally {
        inFlight.delete(key);
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
