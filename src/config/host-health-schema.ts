import { z } from 'zod';
import { humanDuration } from './limits.js';

/**
 * The `services` (systemd) and `storage` (SMART, ZFS, mdadm) sections: how much journal to read, and the
 * alert checks these areas contribute (run on every host when alerts are enabled). Rule names in alerts
 * and silences: unit-failed, smart-failing, pool-degraded, array-degraded, scrub-overdue. See README
 * "Services and storage".
 */
const severity = z.enum(['info', 'warning', 'critical']);

const rule = (defaults: { severity: 'warning' | 'critical'; for: string }) =>
  z
    .strictObject({
      enabled: z.boolean().default(true),
      severity: severity.default(defaults.severity),
      /** How long the condition must hold before the alert fires. */
      for: humanDuration().prefault(defaults.for),
    })
    .prefault({});

const unitPattern = z
  .string()
  .regex(/^[A-Za-z0-9_:\\@.*?-]+$/, 'must be a unit name or a pattern with * and ?, like "backup-*.service"');

export const servicesSchema = z
  .strictObject({
    /** Journal lines a tool reads by default ("show the logs of nginx"). */
    journalLines: z
      .number({ error: 'must be a number of lines, like 20' })
      .int('must be a whole number of lines')
      .min(1, 'must be at least 1 line')
      .max(200, 'must be at most 200 lines')
      .default(20),
    /** The failed-units check (rule unit-failed). */
    failedUnits: z
      .strictObject({
        enabled: z.boolean().default(true),
        every: humanDuration({ min: 5000 }).prefault('1m'),
        severity: severity.default('warning'),
        for: humanDuration().prefault('0s'),
        /** Units never alerted about: names or patterns ("*.timer"). */
        ignore: z.array(unitPattern).default([]),
      })
      .prefault({}),
  })
  .prefault({});

export const storageSchema = z
  .strictObject({
    /** How often SMART, pools and arrays are read on every host. */
    checkEvery: humanDuration({ min: 60_000 }).prefault('10m'),
    smartFailing: rule({ severity: 'critical', for: '0s' }),
    poolDegraded: rule({ severity: 'critical', for: '0s' }),
    arrayDegraded: rule({ severity: 'critical', for: '0s' }),
    scrubOverdue: z
      .strictObject({
        enabled: z.boolean().default(true),
        severity: severity.default('warning'),
        /** A pool whose last scrub finished longer ago than this (or that was never scrubbed) alerts. */
        maxAgeDays: z
          .number({ error: 'must be a number of days, like 35' })
          .int('must be a whole number of days')
          .min(1, 'must be at least 1 day')
          .max(3650, 'must be at most 3650 days (10 years)')
          .default(35),
      })
      .prefault({}),
  })
  .prefault({});

export type ServicesConfig = z.infer<typeof servicesSchema>;
export type StorageConfig = z.infer<typeof storageSchema>;
