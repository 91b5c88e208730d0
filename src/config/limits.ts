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

/** A name (a model, a voice) that is not empty or only spaces. */
export function nonBlankName() {
  return z.string().trim().min(1, 'must not be blank or only spaces');
}
