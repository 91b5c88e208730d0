/** What the storage tools return: the schemas the router reads their results through. */
import { z } from 'zod';

/** A tool that is not on the host: the answer says so instead of failing. */
const missing = z.object({ host: z.string(), installed: z.literal(false), program: z.string(), message: z.string() });

export const driveHealth = z.object({
  device: z.string(),
  model: z.string().nullable(),
  /** smart_status.passed: true, false (the drive says it is failing), null (it could not say). */
  passed: z.boolean().nullable(),
  /** Attributes at or below their threshold now (ATA), or NVMe critical warnings: named. */
  failing: z.array(z.string()),
  /** Attributes that were below their threshold in the past (worth a look, not failing now). */
  failedBefore: z.array(z.string()),
  temperatureCelsius: z.number().nullable(),
  /** Why smartctl could not read the drive (permission, unknown type), when it could not. */
  problem: z.string().nullable(),
});
export type DriveHealth = z.infer<typeof driveHealth>;

export const smartReport = z.union([
  z.object({ host: z.string(), installed: z.literal(true), drives: z.array(driveHealth), truncated: z.boolean() }),
  missing,
]);
export type SmartReport = z.infer<typeof smartReport>;

export const scrubInfo = z.object({
  /** 'scrub' or 'resilver' as the last scan; 'none' when never scanned; 'unknown' when it could not be read. */
  kind: z.enum(['scrub', 'resilver', 'none', 'unknown']),
  inProgress: z.boolean(),
  /** When the last completed scrub ended (ISO 8601; the host's local time read as UTC), or null. */
  finishedAt: z.string().nullable(),
  /** Errors the last scrub found. */
  errors: z.number().nullable(),
});
export type ScrubInfo = z.infer<typeof scrubInfo>;

export const poolHealth = z.object({
  name: z.string(),
  /** ONLINE, DEGRADED, FAULTED, OFFLINE, UNAVAIL, REMOVED, SUSPENDED. */
  health: z.string(),
  sizeBytes: z.number().nullable(),
  allocatedBytes: z.number().nullable(),
  capacityPercent: z.number().nullable(),
  /** The last scrub, read from `zpool status -p <pool>`. */
  scrub: scrubInfo,
  /** Devices not ONLINE: "sdc UNAVAIL". */
  problemDevices: z.array(z.object({ name: z.string(), state: z.string() })),
  /** "No known data errors", or what zpool says about errors. */
  errors: z.string(),
});
export type PoolHealth = z.infer<typeof poolHealth>;

export const poolReport = z.union([
  z.object({ host: z.string(), installed: z.literal(true), allHealthy: z.boolean(), pools: z.array(poolHealth) }),
  missing,
]);
export type PoolReport = z.infer<typeof poolReport>;

export const mdArray = z.object({
  name: z.string(),
  active: z.boolean(),
  level: z.string(),
  /** [2/1]: devices the array wants and has working; null for levels without redundancy (raid0, linear). */
  wanted: z.number().nullable(),
  working: z.number().nullable(),
  degraded: z.boolean(),
  failedDevices: z.array(z.string()),
  /** A rebuild or check running: its kind and percent done. */
  sync: z.object({ kind: z.string(), percent: z.number() }).nullable(),
});
export type MdArray = z.infer<typeof mdArray>;

export const arrayReport = z.object({ host: z.string(), arrays: z.array(mdArray) });
export type ArrayReport = z.infer<typeof arrayReport>;
