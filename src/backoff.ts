/**
 * The one backoff every retry loop in sysvox uses (channel starts, the mic loop, the Telegram poller, the
 * whisper server): the delay doubles after each failure up to a cap, and resets after a success, or after
 * the thing ran healthily for longer than the cap.
 */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export interface Backoff {
  /** The delay before the next try; each call doubles the one after it, up to maxMs. */
  next(): number;
  /** Back to initialMs (after a success). */
  reset(): void;
  /** Resets when the last try ran for longer than maxMs: a long healthy run restarts soon. */
  resetIfRanFor(ms: number): void;
}

export function createBackoff(options: BackoffOptions): Backoff {
  let delay = options.initialMs;
  return {
    next() {
      const current = delay;
      delay = Math.min(delay * 2, options.maxMs);
      return current;
    },
    reset() {
      delay = options.initialMs;
    },
    resetIfRanFor(ms) {
      if (ms > options.maxMs) delay = options.initialMs;
    },
  };
}
