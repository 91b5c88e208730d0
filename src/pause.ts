import { setTimeout as delay } from 'node:timers/promises';

/** Waits ms, or less when the signal aborts (a service stopping); never rejects, never leaks a listener. */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal }).catch(() => undefined);
}
