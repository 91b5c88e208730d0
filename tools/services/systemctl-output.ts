/**
 * Parsers for systemctl output. `list-units --output=json` (systemd 248 and later; Debian 12 ships 252)
 * prints one JSON array of {unit, load, active, sub, description}; older systemctl ignores --output for
 * list-units and prints its table, which parsePlainUnitList reads (`--plain --no-legend --full`, or the
 * full table with its legend). `show --property=...` prints Key=Value lines: the value is everything after
 * the first "=", so a description holding "=" stays whole. All of it is untrusted text from the host.
 */
import { z } from 'zod';

export const unitRow = z.object({
  unit: z.string(),
  load: z.string(),
  active: z.string(),
  sub: z.string(),
  description: z.string(),
});
export type UnitRow = z.infer<typeof unitRow>;

const jsonRows = z.array(z.object({ unit: z.string() }).passthrough());

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The rows of `list-units --output=json`, or null when the output is not that JSON (an older systemctl). */
export function parseJsonUnitList(stdout: string): UnitRow[] | null {
  const trimmed = stdout.trim();
  if (!trimmed.startsWith('[')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return null;
  }
  const rows = jsonRows.safeParse(parsed);
  if (!rows.success) return null;
  return rows.data.map((row) => ({
    unit: row.unit,
    load: text(row.load),
    active: text(row.active),
    sub: text(row.sub),
    description: text(row.description),
  }));
}

const states = new Set(['loaded', 'not-found', 'bad-setting', 'error', 'masked', 'stub', 'merged']);

/**
 * The rows of the plain table: "UNIT LOAD ACTIVE SUB DESCRIPTION", a leading "●" or "*" on failed units,
 * the header and the legend ("LOAD   = ...", "1 loaded units listed.") skipped.
 */
export function parsePlainUnitList(stdout: string): UnitRow[] {
  const rows: UnitRow[] = [];
  for (const line of stdout.split('\n')) {
    const words = line
      .replace(/^\s*[●*×]\s*/u, '')
      .trim()
      .split(/\s+/);
    if (words.length < 4 || !states.has(words[1]!) || !/^[A-Za-z0-9_:\\@.-]+\.[a-z]+$/.test(words[0]!)) continue;
    const [unit, load, active, sub, ...description] = words as [string, string, string, string, ...string[]];
    rows.push({ unit, load, active, sub, description: description.join(' ') });
  }
  return rows;
}

/** `systemctl show` Key=Value lines as a map; lines without "=" are skipped. */
export function parseShow(stdout: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const at = line.indexOf('=');
    if (at <= 0) continue;
    properties.set(line.slice(0, at), line.slice(at + 1));
  }
  return properties;
}

/** A systemd timestamp property ("Wed 2026-12-02 16:46:38 UTC", empty or "n/a" when never): a Date or null. */
export function showTimestamp(value: string | undefined): Date | null {
  if (!value || value === 'n/a') return null;
  const match = /(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?: (\S+))?/.exec(value);
  if (!match) return null;
  const zone = match[3] === undefined || match[3] === 'UTC' ? 'Z' : '';
  const date = new Date(`${match[1]}T${match[2]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
