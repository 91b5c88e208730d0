/** A per-person sliding-window limit on brain turns; the router is exempt (the core decides what to count). */
export interface RateLimiter {
  take(key: string | number): { ok: true } | { ok: false; retryAfterSeconds: number };
}

export interface RateLimiterOptions {
  /** config policy.brainTurnsPerMinute */
  perMinute: number;
  clock?: () => Date;
  windowMs?: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const clock = options.clock ?? (() => new Date());
  const windowMs = options.windowMs ?? 60_000;
  const taken = new Map<string, number[]>();
  return {
    take(key) {
      const now = clock().getTime();
      const recent = (taken.get(String(key)) ?? []).filter((at) => at > now - windowMs);
      if (recent.length >= options.perMinute) {
        taken.set(String(key), recent);
        const oldest = recent[0] ?? now;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
      }
      recent.push(now);
      taken.set(String(key), recent);
      return { ok: true };
    },
  };
}
