import { z } from 'zod';

/** The longest delay Node's timers honour; a longer one fires after 1 ms (with a TimeoutOverflowWarning). */
export const maxTimerMs = 2 ** 31 - 1;
const maxTimerSeconds = Math.floor(maxTimerMs / 1000);
const timerLimitNote = 'the longest timer Node allows (about 24.8 days)';

/** A duration in milliseconds that a timer will wait for: a whole number from `min` up to Node's limit. */
export function durationMs(min = 1) {
  return z.number().int().min(min).max(maxTimerMs, `must be at most ${maxTimerMs} ms, ${timerLimitNote}`);
}

/** A duration in seconds that ends up in a timer: a whole number from `min` up to Node's limit. */
export function durationSeconds(min = 1) {
  return z
    .number()
    .int()
    .min(min)
    .max(maxTimerSeconds, `must be at most ${maxTimerSeconds} seconds, ${timerLimitNote}`);
}

/** An http:// or https:// URL; file:, ftp: and the like are refused with one sentence, never a client's stack. */
export function httpUrl() {
  return z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, like http://127.0.0.1:11434' });
}

/**
 * The base address of a push server (Gotify, ntfy), path prefix included. A user and password inside it
 * would end up in logs and cannot be sent by fetch; a query or fragment would be lost when paths are added.
 */
export function pushServerUrl() {
  return httpUrl().superRefine((text, context) => {
    const url = new URL(text);
    if (url.username !== '' || url.password !== '')
      context.addIssue({
        code: 'custom',
        message: 'must not hold a user or password (like https://user:pass@host); set the token setting instead',
      });
    if (url.search !== '' || url.hash !== '')
      context.addIssue({ code: 'custom', message: 'must be the server address only, without ?query or #fragment' });
  });
}

/** A name (a model, a voice) that is not empty or only spaces. */
export function nonBlankName() {
  return z.string().trim().min(1, 'must not be blank or only spaces');
}

const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A duration as people write it in Alertmanager and Prometheus configs ("30s", "5m", "1h30m", "1d"), or
 * a number of seconds; parsed to milliseconds and capped at `max` (default Node's longest timer).
 */
export function humanDuration(options: { min?: number; max?: number } = {}) {
  const min = options.min ?? 0;
  const max = options.max ?? maxTimerMs;
  return z.union([z.number().nonnegative(), z.string().trim()]).transform((value, context) => {
    const ms = typeof value === 'number' ? value * 1000 : parseDuration(value);
    if (ms === null) {
      context.addIssue({
        code: 'custom',
        message: `"${String(value).slice(0, 40)}" is not a duration; write it like 30s, 5m, 1h30m or 1d`,
      });
      return z.NEVER;
    }
    if (ms < min || ms > max) {
      context.addIssue({
        code: 'custom',
        message: `must be between ${formatDuration(min)} and ${formatDuration(max)}`,
      });
      return z.NEVER;
    }
    return Math.round(ms);
  });
}

/** "1h30m" -> 5_400_000; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(trimmed)) return null;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g))
    total += Number(amount) * (durationUnits[unit as string] as number);
  return total;
}

/** 5_400_000 -> "1h30m"; 0 -> "0s". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  let rest = Math.round(ms / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}
