/**
 * The process list read straight from /proc, for the background sampler. systeminformation's
 * processes() runs `ps` and then a shell with one `cat /proc/<pid>/stat` per process: every 2 s that
 * cost the idle service more CPU than the wake word (bench/voice-soak.ts). This reads the same files
 * in-process and computes CPU the same way: user + system ticks since the previous read, as a percent
 * of all cores' ticks over that time (the first read reports lifetime averages).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { basename } from 'node:path';

export interface ProcProcess {
  pid: number;
  name: string;
  /** Percent of all cores since the previous read. */
  cpu: number;
  /** Percent of physical memory. */
  mem: number;
  /** Resident set, in KiB (as ps and systeminformation report it). */
  memRss: number;
}

/** Fields of /proc/<pid>/stat after the command name, so [0] is the state (field 3 in proc(5)). */
const utimeField = 11;
const stimeField = 12;
const rssPagesField = 21;
/** AT_PAGESZ in the ELF auxiliary vector: the kernel's page size (4 KiB on x86, up to 64 KiB on arm64). */
const atPageSize = 6n;

export function createProcProcesses(procDir = '/proc'): () => Promise<{ list: ProcProcess[] }> {
  let previous: { allTicks: number; ticks: Map<number, number> } | undefined;
  const pageKib = pageSizeBytes(procDir) / 1024;
  return async () => {
    const allTicks = totalCpuTicks(readFileSync(`${procDir}/stat`, 'utf8'));
    const ticks = new Map<number, number>();
    const list: ProcProcess[] = [];
    const memoryKib = totalmem() / 1024;
    for (const entry of readdirSync(procDir)) {
      if (!/^\d+$/.test(entry)) continue;
      const read = readProcess(procDir, Number(entry), pageKib);
      if (!read) continue;
      ticks.set(read.pid, read.ticks);
      const before = previous?.ticks.get(read.pid);
      const elapsed = previous && before !== undefined ? allTicks - previous.allTicks : allTicks;
      const used = before !== undefined ? read.ticks - before : read.ticks;
      list.push({
        pid: read.pid,
        name: read.name,
        cpu: elapsed > 0 ? Math.min(100, Math.max(0, (used / elapsed) * 100)) : 0,
        mem: memoryKib > 0 ? (read.rssKib / memoryKib) * 100 : 0,
        memRss: read.rssKib,
      });
    }
    previous = { allTicks, ticks };
    return { list };
  };
}

/** The "cpu " line of /proc/stat: every core's ticks in every state. */
function totalCpuTicks(stat: string): number {
  const line = stat.split('\n', 1)[0] ?? '';
  return line
    .split(/\s+/)
    .slice(1, 11)
    .reduce((total, field) => total + (Number(field) || 0), 0);
}

/** A process that exits between listing /proc and reading its files is skipped. */
function readProcess(
  procDir: string,
  pid: number,
  pageKib: number,
): { pid: number; name: string; ticks: number; rssKib: number } | null {
  try {
    const stat = readFileSync(`${procDir}/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const argv0 = readFileSync(`${procDir}/${pid}/cmdline`, 'utf8').split('\0', 1)[0] ?? '';
    return {
      pid,
      // Like ps's command column: the program's file name, or [name] for a kernel thread.
      name: argv0 ? basename(argv0.split(' ')[0] ?? argv0).replace(/:$/, '') : `[${command}]`,
      ticks: Number(fields[utimeField]) + Number(fields[stimeField]),
      rssKib: Number(fields[rssPagesField]) * pageKib,
    };
  } catch {
    return null;
  }
}

function pageSizeBytes(procDir: string): number {
  try {
    const auxv = readFileSync(`${procDir}/self/auxv`);
    for (let offset = 0; offset + 16 <= auxv.length; offset += 16) {
      if (auxv.readBigUInt64LE(offset) === atPageSize) return Number(auxv.readBigUInt64LE(offset + 8));
    }
  } catch {
    // No auxv (a test's fake /proc): the common page size.
  }
  return 4096;
}
