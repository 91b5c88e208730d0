/** What the services tools return: the schemas the router reads their results through. */
import { z } from 'zod';
import { unitRow } from './systemctl-output.js';

export const unitAction = z.enum(['restart', 'start', 'stop']);
export type UnitAction = z.infer<typeof unitAction>;

export const failedUnits = z.object({
  host: z.string(),
  units: z.array(unitRow),
  /** Which systemctl form answered: 'json' (systemd 248+) or 'plain' (the table of an older systemctl). */
  form: z.enum(['json', 'plain']),
});
export type FailedUnits = z.infer<typeof failedUnits>;

export const unitStatus = z.object({
  host: z.string(),
  unit: z.string(),
  description: z.string(),
  loadState: z.string(),
  activeState: z.string(),
  subState: z.string(),
  /** enabled, disabled, static, masked ... ('' when systemd did not say). */
  unitFileState: z.string(),
  /** When it entered its current state, ISO 8601, or null. */
  since: z.string().nullable(),
  mainPid: z.number().int().nullable(),
  restarts: z.number().int().nullable(),
  /** success, exit-code, signal, timeout, core-dump ... ('' when systemd did not say). */
  result: z.string(),
  memoryBytes: z.number().nullable(),
});
export type UnitStatus = z.infer<typeof unitStatus>;

export const journalEntry = z.object({
  at: z.string().nullable(),
  priority: z.string(),
  source: z.string().optional(),
  message: z.string(),
});
export type JournalEntry = z.infer<typeof journalEntry>;

export const unitJournal = z.object({
  host: z.string(),
  unit: z.string(),
  entries: z.array(journalEntry),
  /** Output was cut at the byte budget: older lines are missing. */
  truncated: z.boolean(),
  /** For an errors query: the start of the window, ISO 8601. */
  since: z.string().optional(),
});
export type UnitJournal = z.infer<typeof unitJournal>;

export const unitActionResult = z.object({
  host: z.string(),
  unit: z.string(),
  action: unitAction,
  activeState: z.string(),
  subState: z.string(),
});
export type UnitActionResult = z.infer<typeof unitActionResult>;
