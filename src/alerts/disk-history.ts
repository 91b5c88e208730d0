/**
 * Disk use per mount, one set of figures per local day, kept in SQLite (kv) so the daily report can say
 * "up 2 points since yesterday" across restarts. The first sample of a day is written, the report
 * overwrites its day with the figures it read; only the last week is kept.
 */
import type { KeyValueStore } from '../memory/key-value.js';

/** Percent used per mount: { "/": 41, "/mnt/tank": 93 }. */
export type DiskUse = Record<string, number>;

const historyKey = 'alerts.diskByDay';
const daysKept = 7;

/** The local calendar day of `at` as YYYY-MM-DD (the report's "today" and "yesterday" are local). */
export function localDay(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The local day before the one `at` falls on. */
export function dayBefore(at: Date): string {
  return localDay(new Date(at.getFullYear(), at.getMonth(), at.getDate() - 1, 12));
}

export interface DiskHistory {
  on(day: string): DiskUse | undefined;
  record(day: string, use: DiskUse): void;
}

export function createDiskHistory(kv: KeyValueStore): DiskHistory {
  const read = (): Record<string, DiskUse> => {
    try {
      const parsed: unknown = JSON.parse(kv.get(historyKey) ?? '{}');
      return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, DiskUse>) : {};
    } catch {
      return {};
    }
  };
  return {
    on: (day) => read()[day],
    record(today, use) {
      const days = { ...read(), [today]: use };
      const kept = Object.keys(days).sort().slice(-daysKept);
      kv.set(historyKey, JSON.stringify(Object.fromEntries(kept.map((day) => [day, days[day]]))));
    },
  };
}
