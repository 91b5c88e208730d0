/**
 * Spoken answers about this machine, from the system tools' typed results (types.ts).
 * Pure functions: one or two sentences each, numbers rounded, units spelled out.
 */
import type { StatusPart } from '../../src/router/area.js';
import {
  capitalise,
  countOf,
  joinSpoken,
  spokenBytes,
  spokenDuration,
  spokenGigabytes,
  spokenMount,
  spokenNumber,
  spokenPercent,
  spokenSmallPercent,
} from '../../src/router/speech-format.js';
import { statusSentence } from '../../src/router/status.js';
import type {
  CpuSnapshot,
  FilesystemUsage,
  LoadSnapshot,
  MemorySnapshot,
  ProcessInfo,
  SystemSnapshot,
  TemperatureSnapshot,
} from './types.js';

/** Filesystems at or above this use get a warning in the status answer. */
const diskWarningPercent = 90;

/**
 * "CPU is at 12 percent, memory at 41 percent, and all 14 containers are healthy.": this machine's
 * figures lead, the other areas' parts follow (containers today), then any nearly full disk.
 */
export function statusAnswer(snapshot: SystemSnapshot, parts: readonly StatusPart[]): string {
  const first = statusSentence(
    `CPU is at ${spokenPercent(snapshot.cpu.totalPercent)}, memory at ${spokenPercent(snapshot.memory.usedPercent)}`,
    parts,
  );
  const full = snapshot.filesystems.filter((filesystem) => filesystem.usedPercent >= diskWarningPercent);
  if (full.length === 0) return first;
  const named = full.map(
    (filesystem) => `${spokenMount(filesystem.mount)} is ${spokenPercent(filesystem.usedPercent)} full`,
  );
  return `${first} ${capitalise(joinSpoken(named))}.`;
}

/** "CPU is at 12 percent across 2 cores; load is 0.4." */
export function cpuAnswer(cpu: CpuSnapshot, load?: LoadSnapshot): string {
  const cores = cpu.perCore.length > 0 ? cpu.perCore.length : (load?.cores ?? 0);
  const across = cores > 0 ? ` across ${countOf(cores, 'core')}` : '';
  const loadPart = load ? `; load is ${spokenNumber(load.load1)}` : '';
  return `CPU is at ${spokenPercent(cpu.totalPercent)}${across}${loadPart}.`;
}

/** "Memory is at 41 percent: 9.8 of 24 gigabytes used; swap is unused." */
export function memoryAnswer(memory: MemorySnapshot): string {
  const swap =
    memory.swapTotalBytes <= 0
      ? 'there is no swap'
      : memory.swapUsedBytes <= 0
        ? 'swap is unused'
        : `swap is at ${spokenPercent(memory.swapPercent)}`;
  const used = `${spokenGigabytes(memory.usedBytes)} of ${spokenGigabytes(memory.totalBytes)} gigabytes used`;
  return `Memory is at ${spokenPercent(memory.usedPercent)}: ${used}; ${swap}.`;
}

function filesystemPhrase(filesystem: FilesystemUsage): string {
  const free = Math.max(0, filesystem.sizeBytes - filesystem.usedBytes);
  return `${spokenMount(filesystem.mount)} is ${spokenPercent(filesystem.usedPercent)} full, ${spokenBytes(free)} free`;
}

/** One mount ("The root filesystem is 37 percent full, 80 gigabytes free.") or all of them. */
export function diskAnswer(filesystems: readonly FilesystemUsage[], mount?: string): string {
  if (mount !== undefined) {
    const found = filesystems.find((filesystem) => filesystem.mount === mount);
    if (!found) return `I can't find a filesystem mounted at ${mount}.`;
    return `${capitalise(filesystemPhrase(found))}.`;
  }
  if (filesystems.length === 0) return 'I found no filesystems to report.';
  return `${capitalise(filesystems.map(filesystemPhrase).join('; '))}.`;
}

/** "The CPU is at 48 degrees Celsius." or "This machine reports no temperature sensors." */
export function temperatureAnswer(temperature: TemperatureSnapshot): string {
  const main = temperature.mainCelsius ?? temperature.maxCelsius;
  if (!temperature.available || main === null || !Number.isFinite(main))
    return 'This machine reports no temperature sensors.';
  const first = `The CPU is at ${Math.round(main)} degrees Celsius`;
  const max = temperature.maxCelsius;
  if (max === null || Math.round(max) <= Math.round(main)) return `${first}.`;
  return `${first}; the hottest sensor reads ${Math.round(max)}.`;
}

/** "The server has been up for 3 days and 4 hours." */
export function uptimeAnswer(uptimeSeconds: number): string {
  return `The server has been up for ${spokenDuration(uptimeSeconds)}.`;
}

function loadVerdict(load: LoadSnapshot): string {
  if (load.cores <= 0) return '';
  const perCore = load.load1 / load.cores;
  if (perCore < 0.7) return ' That is light.';
  if (perCore <= 1) return ' That is busy but keeping up.';
  return ' That is more than the cores can keep up with.';
}

/** "The load average is 0.4 over 1 minute, 0.3 over 5 and 0.2 over 15, on 2 cores. That is light." */
export function loadAnswer(load: LoadSnapshot): string {
  const figures = `${spokenNumber(load.load1)} over 1 minute, ${spokenNumber(load.load5)} over 5 and ${spokenNumber(load.load15)} over 15`;
  const cores = load.cores > 0 ? `, on ${countOf(load.cores, 'core')}` : '';
  return `The load average is ${figures}${cores}.${loadVerdict(load)}`;
}

/** "The most memory goes to node at 4.1 percent, then postgres at 3 percent and dockerd at 1.2 percent." */
export function topProcessesAnswer(processes: readonly ProcessInfo[], by: 'cpu' | 'memory'): string {
  if (processes.length === 0) return 'I see no busy processes right now.';
  const share = (process: ProcessInfo) => (by === 'cpu' ? process.cpuPercent : process.memoryPercent);
  const phrases = processes.slice(0, 3).map((process) => `${process.name} at ${spokenSmallPercent(share(process))}`);
  const resource = by === 'cpu' ? 'CPU' : 'memory';
  const [first, ...rest] = phrases;
  const then = rest.length > 0 ? `, then ${joinSpoken(rest)}` : '';
  return `The most ${resource} goes to ${first}${then}.`;
}
