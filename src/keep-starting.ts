import { createBackoff } from './backoff.js';
import { describeError, SysvoxError } from './errors.js';
import type { Logger } from './log.js';
import { pause } from './pause.js';

export interface KeepStartingOptions {
  what: string;
  signal: AbortSignal;
  log: Logger;
  initialDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Called once, after the first try: started, failed for good, or failed for now (logged, retrying). */
  onFirstTry?: () => void;
  /** Called each time a transient failure is about to be retried. */
  onRetry?: () => void;
}

/**
 * Starts a channel, and keeps trying while the failure is transient (the network is not up yet when
 * the server boots). A fatal failure (a wrong token) is logged with its fix and not retried; either
 * way the rest of sysvox keeps running. Resolves true once started.
 */
export async function keepStarting(start: () => Promise<void>, options: KeepStartingOptions): Promise<boolean> {
  const { log, signal } = options;
  const sleep = options.sleep ?? pause;
  const backoff = createBackoff({ initialMs: options.initialDelayMs ?? 5000, maxMs: options.maxDelayMs ?? 120_000 });
  let tried = false;
  const firstTry = () => {
    if (!tried) options.onFirstTry?.();
    tried = true;
  };
  try {
    while (!signal.aborted) {
      try {
        await start();
        return true;
      } catch (error) {
        const transient = error instanceof SysvoxError && error.transient;
        if (!transient) {
          log.error(`${options.what} not started; the rest of sysvox keeps running`, { error: describeError(error) });
          return false;
        }
        const delay = backoff.next();
        log.warn(`${options.what} could not start yet; trying again`, { error: describeError(error), inMs: delay });
        firstTry();
        await sleep(delay, signal);
        if (!signal.aborted) options.onRetry?.();
      }
    }
    return false;
  } finally {
    firstTry();
  }
}
