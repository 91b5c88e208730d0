/**
 * Long polling driven by sysvox rather than telegraf's launch(), for control over the offset and
 * retries (docs/decisions/004-telegram-polling.md). Updates run through the scheduler: concurrently
 * across chats, in order within a chat, a bounded number at once. Each received update is written to
 * the inbox (kv) before the next getUpdates confirms it to Telegram, and leaves the inbox when handled,
 * so a restart replays exactly the updates that were not finished, whichever chat finished first.
 * 429 waits retry_after, network and 5xx errors back off exponentially (capped), 409 (another poller or
 * a webhook holds the bot) says so once and backs off, 401 stops polling for good.
 */
import { createBackoff } from '../../src/backoff.js';
import { describeError } from '../../src/errors.js';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../src/log.js';
import type { TelegramApi } from './telegram-api.js';
import { classifyFailure, conflictMessage, unauthorizedError } from './telegram-errors.js';
import { createUpdateScheduler } from './update-scheduler.js';
import { pause } from '../../src/pause.js';

export interface UpdatePollerOptions {
  api: TelegramApi;
  handle(update: Update): Promise<void>;
  offset: { load(): number; save(offset: number): void };
  /** Updates received (so confirmed to Telegram by the next poll) but not handled yet. */
  inbox: { load(): Update[]; save(updates: Update[]): void };
  log: Logger;
  timeoutSeconds: number;
  /** How many updates are handled at once, across chats; one chat's updates always run in order. */
  maxConcurrentUpdates: number;
  backoff?: { initialMs: number; maxMs: number };
  /** Called once when Telegram rejects the token; polling has stopped by then. */
  onFatal(error: Error): void;
  sleep?: (milliseconds: number, signal: AbortSignal) => Promise<void>;
}

export interface UpdatePoller {
  /** Resolves when polling ends (stop() or a fatal error). */
  run(): Promise<void>;
  /** Stops polling and waits for the updates already running to finish. */
  stop(): Promise<void>;
}

/** Received updates queued beyond this wait before the next getUpdates (Telegram keeps them meanwhile). */
const maxQueuedUpdates = 100;

export function createUpdatePoller(options: UpdatePollerOptions): UpdatePoller {
  const { api, log } = options;
  const sleep = options.sleep ?? pause;
  const controller = new AbortController();
  const scheduler = createUpdateScheduler({ handle: options.handle, maxConcurrent: options.maxConcurrentUpdates });
  const notHandled = new Map<number, Update>();
  let running: Promise<void> | undefined;

  const saveInbox = () => options.inbox.save([...notHandled.values()]);
  const dispatch = (update: Update) =>
    scheduler.submit(update, () => {
      notHandled.delete(update.update_id);
      saveInbox();
    });

  const pollOnce = async (offset: number): Promise<number> => {
    await scheduler.whenBelow(maxQueuedUpdates);
    const updates = await api.getUpdates({ offset, timeoutSeconds: options.timeoutSeconds, signal: controller.signal });
    const fresh = updates.filter((update) => update.update_id >= offset && !notHandled.has(update.update_id));
    if (fresh.length === 0 || controller.signal.aborted) return offset;
    for (const update of fresh) notHandled.set(update.update_id, update);
    // The inbox is written before the offset: a crash in between replays these and Telegram resends them,
    // and the ids already in the inbox are skipped.
    saveInbox();
    const next = Math.max(...fresh.map((update) => update.update_id)) + 1;
    options.offset.save(next);
    fresh.forEach(dispatch);
    return next;
  };

  const loop = async () => {
    let offset = options.offset.load();
    for (const update of options.inbox.load()) notHandled.set(update.update_id, update);
    if (notHandled.size > 0)
      log.info('handling updates left unfinished before the restart', { count: notHandled.size });
    [...notHandled.values()].forEach(dispatch);
    const backoff = createBackoff(options.backoff ?? { initialMs: 1000, maxMs: 60_000 });
    let conflictReported = false;
    while (!controller.signal.aborted) {
      try {
        offset = await pollOnce(offset);
        backoff.reset();
        conflictReported = false;
      } catch (error) {
        if (controller.signal.aborted) break;
        const failure = classifyFailure(error);
        if (failure.kind === 'unauthorized') {
          controller.abort();
          options.onFatal(unauthorizedError(error));
          break;
        }
        const waitMs = failure.kind === 'rate-limited' ? failure.retryAfterSeconds * 1000 : backoff.next();
        if (failure.kind === 'conflict') {
          if (!conflictReported) log.error(conflictMessage, { waitMs });
          conflictReported = true;
        } else {
          log.warn('getUpdates failed; polling again after a pause', {
            failure: failure.kind,
            waitMs,
            error: describeError(error),
          });
        }
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
      await scheduler.whenBelow(1);
    },
  };
}
