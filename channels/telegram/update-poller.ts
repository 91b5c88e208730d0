/**
 * Long polling driven by sysvox rather than telegraf's launch(), for control over the offset and
 * retries (docs/decisions/004-telegram-polling.md). Updates are handled one at a time; the offset is
 * saved after each, so a restart resumes after the last handled update. 429 waits retry_after,
 * network and 5xx errors back off exponentially (capped), 401 stops polling for good.
 */
import { createBackoff } from '../../src/backoff.js';
import { describeError } from '../../src/errors.js';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../src/log.js';
import type { TelegramApi } from './telegram-api.js';
import { classifyFailure, unauthorizedError } from './telegram-errors.js';
import { pause } from '../../src/pause.js';

export interface UpdatePollerOptions {
  api: TelegramApi;
  handle(update: Update): Promise<void>;
  offset: { load(): number; save(offset: number): void };
  log: Logger;
  timeoutSeconds: number;
  backoff?: { initialMs: number; maxMs: number };
  /** Called once when Telegram rejects the token; polling has stopped by then. */
  onFatal(error: Error): void;
  sleep?: (milliseconds: number, signal: AbortSignal) => Promise<void>;
}

export interface UpdatePoller {
  /** Resolves when polling ends (stop() or a fatal error). */
  run(): Promise<void>;
  stop(): Promise<void>;
}

export function createUpdatePoller(options: UpdatePollerOptions): UpdatePoller {
  const { api, log } = options;
  const sleep = options.sleep ?? pause;
  const controller = new AbortController();
  let running: Promise<void> | undefined;

  const pollOnce = async (offset: number): Promise<number> => {
    const updates = await api.getUpdates({ offset, timeoutSeconds: options.timeoutSeconds, signal: controller.signal });
    let next = offset;
    for (const update of updates) {
      if (update.update_id < next) continue;
      if (controller.signal.aborted) break;
      await options.handle(update);
      next = update.update_id + 1;
      options.offset.save(next);
    }
    return next;
  };

  const loop = async () => {
    let offset = options.offset.load();
    const backoff = createBackoff(options.backoff ?? { initialMs: 1000, maxMs: 60_000 });
    while (!controller.signal.aborted) {
      try {
        offset = await pollOnce(offset);
        backoff.reset();
      } catch (error) {
        if (controller.signal.aborted) break;
        const failure = classifyFailure(error);
        if (failure.kind === 'unauthorized') {
          controller.abort();
          options.onFatal(unauthorizedError(error));
          break;
        }
        const waitMs = failure.kind === 'rate-limited' ? failure.retryAfterSeconds * 1000 : backoff.next();
        log.warn('getUpdates failed; polling again after a pause', {
          failure: failure.kind,
          waitMs,
          error: describeError(error),
        });
        await sleep(waitMs, controller.signal);
      }
    }
  };

  return {
    run() {
      running ??= loop();
      return running;
    },
    async stop() {
      controller.abort();
      await running;
    },
  };
}

/** Resolves after the pause, or at once when polling stops. */
