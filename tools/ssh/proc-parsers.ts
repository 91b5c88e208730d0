/**
 * Parsers for what a remote host's figures come from: `head -v -n N <files>` (a "==> file <==" header
 * before each file), /proc/loadavg, /proc/meminfo, /proc/stat, /proc/uptime, /proc/net/dev, and
 * `df -P -T -B1`. Pure functions over text: a field that is missing reads as NaN, never a throw.
 */

/** The text of each file in `head -v` output, by path. */
export function splitHeadOutput(text: string): Map<string, string> {
  const files = new Map<string, string>();
  let current: string | null = null;
  let lines: string[] = [];
  for (const line of text.split('\n')) {
    const header = /^==> (.+) <==$/.exec(line);
    if (header) {
      if (current !== null) files.set(current, lines.join('\n').trim());
      current = header[1]!;
      lines = [];
    } else lines.push(line);
  }
  if (current !== null) files.set(current, lines.join('\n').trim());
  return files;
}

export function parseLoadavg(text: string): { load1: number; load5: number; load15: number } {
  const [load1, load5, load15] = text.trim().split(/\s+/).map(Number);
  return { load1: load1 ?? NaN, load5: load5 ?? NaN, load15: load15 ?? NaN };
}

/** /proc/meminfo in bytes by key (MemTotal, MemAvailable, SwapTotal, SwapFree ...). */
export function parseMeminfo(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(\w+(?:\(\w+\))?):\s+(\d+)(?:\s+kB)?$/.exec(line.trim());
    if (match) values.set(match[1]!, Number(match[2]) * (line.includes('kB') ? 1024 : 1));
  }
  return values;
}

/** Busy and total jiffies of one /proc/stat cpu line. */
export interface CpuTimes {
  busy: number;
  total: number;
}

/** The "cpu" line (all cores) and each "cpuN" line. */
export function parseCpuTimes(text: string): { total: CpuTimes | null; cores: CpuTimes[] } {
  let total: CpuTimes | null = null;
  const cores: CpuTimes[] = [];
  for (const line of text.split('\n')) {
    const match = /^cpu(\d*)\s+(.+)$/.exec(line);
    if (!match) continue;
    const fields = match[2]!.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already counted in user and nice)
    const all = fields.slice(0, 8).reduce((sum, value) => sum + (Number.isFinite(value) ? value : 0), 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const times = { busy: all - idle, total: all };
    if (match[1] === '') total = times;
    else cores.push(times);
  }
  return { total, cores };
}

/** Percent busy between two readings (or since boot when there is no earlier one). */
export function busyPercent(now: CpuTimes, before: CpuTimes | undefined): number {
  const total = now.total - (before?.total ?? 0);
  const busy = now.busy - (before?.busy ?? 0);
  return total > 0 ? Math.round((busy / total) * 1000) / 10 : 0;
}

export function parseUptime(text: string): number {
  return Number(text.trim().split(/\s+/)[0]);
}

/** Received and sent byte counters per interface, as /proc/net/dev lists them. */
export function parseNetDev(text: string): Map<string, { rx: number; tx: number }> {
  const counters = new Map<string, { rx: number; tx: number }>();
  for (const line of text.split('\n')) {
    const match = /^\s*([^:\s]+):\s*(.+)$/.exec(line);
    if (!match) continue;
    const fields = match[2]!.trim().split(/\s+/).map(Number);
    if (fields.length >= 9) counters.set(match[1]!, { rx: fields[0]!, tx: fields[8]! });
  }
  return counters;
}

export interface DfRow {
  device: string;
  type: string;
  sizeBytes: number;
  usedBytes: number;
  usedPercent: number;
  mount: string;
}

/** `df -P -T -B1`: one line per filesystem (POSIX format never wraps); the mount point may hold spaces. */
export function parseDf(text: string): DfRow[] {
  return text
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const match = /^(\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+|-)%?\s+(\/.*)$/.exec(line.trim());
      if (!match) return [];
      const size = Number(match[3]);
      const used = Number(match[4]);
      const available = Number(match[5]);
      // df's own rounding: used / (used + available), rounded up.
      const percent = used + available > 0 ? Math.ceil((used / (used + available)) * 1000) / 10 : 0;
      return [
        {
          device: match[1]!,
          type: match[2]!,
          sizeBytes: size,
          usedBytes: used,
          usedPercent: percent,
          mount: match[7]!,
        },
      ];
    });
}
