import { z } from 'zod';
import { humanDuration, nonBlankName } from './limits.js';

/**
 * The alerts section: rules with homelab defaults, Alertmanager's timing (group_wait, group_interval,
 * repeat_interval), routing per channel, quiet hours, inhibition and the daily report. Durations are
 * written like Alertmanager's ("30s", "5m", "4h") and parsed to milliseconds. See README "Alerts".
 */
const severity = z.enum(['info', 'warning', 'critical']);
const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24-hour), like 22:00 or 07:30');

function regularExpressionProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'm');
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.replace(`Invalid regular expression: /${pattern}/m: `, '').toLowerCase();
  }
}

const isRegularExpression = (pattern: string) => regularExpressionProblem(pattern) === null;

/** A metric rule: fires when the value has been at or above fireAbove for `for`, resolves below resolveBelow. */
function thresholdRule(defaults: { fireAbove: number; resolveBelow: number; for: string; max?: number }) {
  const max = defaults.max ?? 100;
  return z
    .strictObject({
      enabled: z.boolean().default(true),
      fireAbove: z.number().positive().max(max).default(defaults.fireAbove),
      resolveBelow: z.number().nonnegative().max(max).default(defaults.resolveBelow),
      /** Above this it is critical (spoken even in quiet hours); omit for warning only. */
      criticalAbove: z.number().positive().max(max).optional(),
      for: humanDuration().prefault(defaults.for),
      severity: severity.default('warning'),
    })
    .refine((rule) => rule.resolveBelow <= rule.fireAbove, {
      message: 'resolveBelow must not be above fireAbove (it resolves below resolveBelow and fires at fireAbove)',
    })
    .refine((rule) => rule.criticalAbove === undefined || rule.criticalAbove >= rule.fireAbove, {
      message: 'criticalAbove must be at or above fireAbove',
    })
    .prefault({});
}

const containerRule = (defaults: { for: string; severity: 'warning' | 'critical'; offerRestart: boolean }) =>
  z
    .strictObject({
      enabled: z.boolean().default(true),
      for: humanDuration().prefault(defaults.for),
      severity: severity.default(defaults.severity),
      /** Offer "Shall I restart it?" as an approval with the notice. */
      offerRestart: z.boolean().default(defaults.offerRestart),
      /** Containers this rule watches: names, or patterns with * and ? ("media-*"). Default every one. */
      watch: z.array(z.string().min(1)).default(['*']),
      /** Containers this rule ignores, names or patterns; ignore wins over watch. */
      ignore: z.array(z.string().min(1)).default([]),
    })
    .prefault({});

/** A custom check: a program run with its arguments as a list (no shell), with a timeout. */
const commandCheck = z.strictObject({
  /** Names the rule: alerts, silences and `sysvox alerts test command:<name>` use "command:<name>". */
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'use lowercase letters, digits and dashes (at most 40), like backup-fresh'),
  /** The program and its arguments, as a list: ["/usr/local/bin/check-backup", "--max-age", "26h"]. No shell. */
  command: z
    .array(z.string().min(1))
    .min(1, 'name the program to run, then its arguments, as a list: ["/usr/bin/test", "-f", "/srv/ok"]'),
  every: humanDuration({ min: 1000 }).prefault('5m'),
  timeout: humanDuration({ min: 100, max: 600_000 }).prefault('30s'),
  for: humanDuration().prefault('0s'),
  severity: severity.default('warning'),
  /** Exit codes that mean healthy. */
  okExitCodes: z.array(z.number().int().min(0).max(255)).min(1).default([0]),
  /**
   * A regular expression (JavaScript syntax; ^ and $ match at each line): when given, output (stdout and
   * stderr) that does not match it fails the check too.
   */
  outputMatches: z
    .string()
    .min(1)
    .refine(isRegularExpression, {
      error: (issue) =>
        `"${String(issue.input).slice(0, 60)}" is not a valid regular expression: ${regularExpressionProblem(String(issue.input))}`,
    })
    .optional(),
  /** What the notice calls it ("the nightly backup"); default the name. */
  description: z.string().min(1).max(80).optional(),
});

/** Alerts of `source` on a host silence the alerts of `targets` on the same host while they fire. */
const inhibitRule = z.strictObject({
  source: nonBlankName(),
  /** Rule names, or ["*"] for every other rule on that host. */
  targets: z.array(nonBlankName()).min(1),
});

const route = z
  .strictObject({
    /** Notices below this severity are not sent to this channel. */
    minSeverity: severity.default('warning'),
    /** A muted channel gets no alert notices (a `sysvox alerts test` still says it is muted). */
    muted: z.boolean().default(false),
  })
  .prefault({});

export const alertsSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** How often the built-in metric and container checks run. */
    evaluateEvery: humanDuration({ min: 1000 }).prefault('15s'),
    /** How long a new group waits for more alerts before its first notice (Alertmanager group_wait). */
    groupWait: humanDuration().prefault('30s'),
    /** How long a group that has notified waits before a notice about new alerts in it (group_interval). */
    groupInterval: humanDuration().prefault('5m'),
    /** How long before a still-firing group is announced again (repeat_interval). */
    repeatInterval: humanDuration({ min: 60_000 }).prefault('4h'),
    /** Repeats after the first notice; then it stays quiet until it resolves and fires again. */
    maxRepeats: z.number().int().min(0).max(100).default(3),
    /** An announced alert resolves only after its condition has been clear this long (stops flapping). */
    keepFiringFor: humanDuration().prefault('2m'),
    /** Speech at night only for critical alerts; pushes are sent as usual. Omit to speak any time. */
    quietHours: z.strictObject({ start: clock, end: clock }).optional(),
    routes: z
      .strictObject({
        voice: route,
        telegram: route,
        gotify: route,
        ntfy: route,
      })
      .prefault({}),
    rules: z
      .strictObject({
        cpu: thresholdRule({ fireAbove: 90, resolveBelow: 80, for: '5m' }),
        memory: thresholdRule({ fireAbove: 90, resolveBelow: 85, for: '5m' }),
        disk: thresholdRule({ fireAbove: 90, resolveBelow: 85, for: '1m' }),
        /** Degrees Celsius of the hottest sensor. */
        temperature: thresholdRule({ fireAbove: 85, resolveBelow: 75, for: '2m', max: 150 }),
        /** The 5-minute load average per CPU core. */
        load: thresholdRule({ fireAbove: 2, resolveBelow: 1.5, for: '10m', max: 1000 }),
        containerUnhealthy: containerRule({ for: '2m', severity: 'warning', offerRestart: true }),
        /** A container that stopped with a non-zero exit code, not one someone stopped. */
        containerExited: containerRule({ for: '0s', severity: 'warning', offerRestart: true }),
        containerRestartLoop: z
          .strictObject({
            enabled: z.boolean().default(true),
            /** Restarts counted by Docker within `within` that make a loop. */
            restarts: z.number().int().min(2).max(1000).default(3),
            within: humanDuration({ min: 60_000 }).prefault('10m'),
            severity: severity.default('critical'),
            watch: z.array(z.string().min(1)).default(['*']),
            ignore: z.array(z.string().min(1)).default([]),
          })
          .prefault({}),
        /** The Docker engine cannot be reached; inhibits the container rules on that host. */
        dockerDown: z
          .strictObject({
            enabled: z.boolean().default(true),
            for: humanDuration().prefault('1m'),
            severity: severity.default('critical'),
          })
          .prefault({}),
      })
      .prefault({}),
    commands: z.array(commandCheck).default([]),
    inhibit: z.array(inhibitRule).default([
      { source: 'host-down', targets: ['*'] },
      { source: 'docker-down', targets: ['container-unhealthy', 'container-exited', 'container-restart-loop'] },
    ]),
    dailyReport: z
      .strictObject({
        enabled: z.boolean().default(false),
        /** Local time of day. */
        at: clock.default('08:00'),
        /** Spoken on the speaker (outside quiet hours) and/or pushed. */
        speak: z.boolean().default(true),
        push: z.boolean().default(true),
      })
      .prefault({}),
  })
  .refine((alerts) => new Set(alerts.commands.map((command) => command.name)).size === alerts.commands.length, {
    message: 'two command checks have the same name; each needs its own',
    path: ['commands'],
  })
  .prefault({});

export type AlertsConfig = z.infer<typeof alertsSchema>;
export type CommandCheckConfig = z.infer<typeof commandCheck>;
