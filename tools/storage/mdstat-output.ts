/**
 * Reads /proc/mdstat (Linux md driver, drivers/md/md.c md_seq_show; Documentation/admin-guide/md.rst):
 * "md0 : active raid1 sdb1[1] sda1[0](F)", then "... blocks super 1.2 [2/1] [U_]" where [wanted/working]
 * and a "_" in the map mean a missing member, then a progress line while it rebuilds or checks
 * ("recovery =  8.5% ..."). (F) marks a failed member, (S) a spare. A machine without md support has no
 * /proc/mdstat at all: that is no arrays, not an error.
 */
import type { MdArray } from './types.js';

function arrayHead(line: string): { name: string; active: boolean; level: string; members: string[] } | null {
  const match = /^(md[\w/]+)\s*:\s*(active|inactive)\s*(?:\((?:auto-)?read-only\)\s*)?(.*)$/.exec(line);
  if (!match) return null;
  const words = match[3]!.trim().split(/\s+/).filter(Boolean);
  const level = words[0] && !/\[\d+\]/.test(words[0]) ? words.shift()! : 'unknown';
  return { name: match[1]!, active: match[2] === 'active', level, members: words };
}

export function parseMdstat(text: string): MdArray[] {
  const arrays: MdArray[] = [];
  let current: MdArray | null = null;
  for (const line of text.split('\n')) {
    const head = arrayHead(line);
    if (head) {
      current = {
        name: head.name,
        active: head.active,
        level: head.level,
        wanted: null,
        working: null,
        degraded: false,
        failedDevices: head.members
          .filter((member) => member.endsWith('(F)'))
          .map((member) => member.replace(/\[\d+\]\(F\)$/, '')),
        sync: null,
      };
      arrays.push(current);
      continue;
    }
    if (!current || !/^\s/.test(line)) continue;
    const counts = /\[(\d+)\/(\d+)\]\s+\[([U_]+)\]/.exec(line);
    if (counts) {
      current.wanted = Number(counts[1]);
      current.working = Number(counts[2]);
      current.degraded = current.working < current.wanted || counts[3]!.includes('_');
    }
    const progress = /(recovery|resync|reshape|check|repair)\s*=\s*([\d.]+)%/.exec(line);
    if (progress) current.sync = { kind: progress[1]!, percent: Number(progress[2]) };
  }
  return arrays;
}
