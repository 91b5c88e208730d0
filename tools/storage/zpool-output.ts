/**
 * Reads zpool output (zpool-list(8), zpool-status(8)). `zpool list -H -p -o name,size,allocated,capacity,health`
 * prints one tab-separated line per pool with exact numbers; `zpool status -x` says "all pools are healthy"
 * (or "no pools available") when nothing is wrong; `zpool status -p <pool>` gives the state, the last scan
 * ("scrub repaired 0B in 00:00:03 with 0 errors on Sun Nov 10 00:24:07 2024", "scrub in progress since ...",
 * "none requested") and the device tree, whose devices that are not ONLINE are named.
 */
import type { PoolHealth, ScrubInfo } from './types.js';

export const poolName = /^[A-Za-z][A-Za-z0-9_.:-]{0,254}$/;

export interface ListedPool {
  name: string;
  health: string;
  sizeBytes: number | null;
  allocatedBytes: number | null;
  capacityPercent: number | null;
}

const number = (text: string | undefined) => (text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : null);

export function parseZpoolList(stdout: string): ListedPool[] {
  return stdout.split('\n').flatMap((line) => {
    const [name, size, allocated, capacity, health] = line.split('\t');
    if (!name || !health || !poolName.test(name)) return [];
    return [
      {
        name,
        health: health.trim(),
        sizeBytes: number(size),
        allocatedBytes: number(allocated),
        capacityPercent: number(capacity?.replace('%', '')),
      },
    ];
  });
}

export function allPoolsHealthy(statusX: string): boolean {
  return /^\s*(all pools are healthy|no pools available)\s*$/.test(statusX);
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Sun Nov 10 00:24:07 2024" (ctime, the host's local time) read as UTC: good to a day, which scrub age needs. */
export function ctimeDate(text: string): Date | null {
  const match = /([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})/.exec(text);
  if (!match) return null;
  const month = months.indexOf(match[1]!);
  if (month < 0) return null;
  const [day, hours, minutes, seconds, year] = match.slice(2).map(Number) as [number, number, number, number, number];
  return new Date(Date.UTC(year, month, day, hours, minutes, seconds));
}

/** The "scan:" field with its continuation lines. */
function field(status: string, name: string): string {
  const lines = status.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^\\s*${name}:`).test(line));
  if (start < 0) return '';
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^\s*[a-z]+:/.test(line) || line.trim() === '');
  const continuation = end < 0 ? rest : rest.slice(0, end);
  return [lines[start]!.replace(new RegExp(`^\\s*${name}:\\s*`), ''), ...continuation.map((line) => line.trim())].join(
    ' ',
  );
}

export function parseScan(scan: string): ScrubInfo {
  if (scan === '') return { kind: 'unknown', inProgress: false, finishedAt: null, errors: null };
  if (/none requested/.test(scan)) return { kind: 'none', inProgress: false, finishedAt: null, errors: null };
  const kind = /resilver/.test(scan) ? 'resilver' : 'scrub';
  const errors = /with (\d+) errors/.exec(scan);
  if (/in progress/.test(scan)) return { kind, inProgress: true, finishedAt: null, errors: null };
  const finished = /(?:repaired|resilvered)\b.*\bon (.+)$/.exec(scan);
  const at = finished ? ctimeDate(finished[1]!) : null;
  return {
    kind,
    inProgress: false,
    finishedAt: at ? at.toISOString() : null,
    errors: errors ? Number(errors[1]) : null,
  };
}

const goodStates = new Set(['ONLINE', 'AVAIL', 'INUSE']);
const deviceStates = /^(ONLINE|DEGRADED|FAULTED|OFFLINE|UNAVAIL|REMOVED|SUSPENDED|AVAIL|INUSE)$/;

/** Devices under "config:" that are not ONLINE (the pool's own line and vdev groups included). */
function problemDevices(status: string, pool: string): PoolHealth['problemDevices'] {
  const config = status.split(/\n\s*config:\s*\n/)[1]?.split(/\n\s*errors:/)[0] ?? '';
  return config.split('\n').flatMap((line) => {
    const [name, state] = line.trim().split(/\s+/);
    if (!name || !state || name === 'NAME' || name === pool || !deviceStates.test(state) || goodStates.has(state))
      return [];
    return [{ name: name.slice(0, 80), state }];
  });
}

/** The health of one pool from `zpool status -p <pool>`, merged with its `zpool list` line. */
export function parsePoolStatus(listed: ListedPool, status: string): PoolHealth {
  const state = field(status, 'state').trim();
  return {
    ...listed,
    health: state || listed.health,
    scrub: parseScan(field(status, 'scan')),
    problemDevices: problemDevices(status, listed.name),
    errors: field(status, 'errors').slice(0, 200) || 'unknown',
  };
}
