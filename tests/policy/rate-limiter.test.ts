import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/policy/rate-limiter.js';

describe('brain turn rate limit', () => {
  it('lets N turns a minute through per person, then says when to retry', () => {
    const now = { value: 1_000_000 };
    const limiter = createRateLimiter({ perMinute: 3, clock: () => new Date(now.value) });
    expect([1, 2, 3].map(() => limiter.take(7).ok)).toEqual([true, true, true]);
    now.value += 20_000;
    expect(limiter.take(7)).toEqual({ ok: false, retryAfterSeconds: 40 });
    expect(limiter.take('telegram-8').ok).toBe(true);
    now.value += 40_001;
    expect([1, 2, 3, 4].map(() => limiter.take(7).ok)).toEqual([true, true, true, false]);
  });

  it('is a sliding window: turns spread over the minute free up one by one', () => {
    const now = { value: 0 };
    const limiter = createRateLimiter({ perMinute: 2, clock: () => new Date(now.value) });
    limiter.take(1);
    now.value = 30_000;
    limiter.take(1);
    now.value = 59_000;
    expect(limiter.take(1)).toEqual({ ok: false, retryAfterSeconds: 1 });
    now.value = 60_001;
    expect(limiter.take(1).ok).toBe(true);
    expect(limiter.take(1)).toEqual({ ok: false, retryAfterSeconds: 30 });
  });
});
