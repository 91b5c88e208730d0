/**
 * Runs updates concurrently across chats and one at a time within a chat, with at most
 * `maxConcurrent` handlers at once. A slow answer in one chat no longer stalls the others; the
 * order of one chat's messages is kept. Callback queries (button presses) have their own lane per
 * chat, so an Approve press is answered while that chat's slow turn is still running.
 */
import type { Update } from 'telegraf/types';

export interface UpdateScheduler {
  /** Queues the update; `settled` runs once it is handled (or its handler failed). */
  submit(update: Update, settled: () => void): void;
  /** Updates queued or running. */
  readonly size: number;
  /** Resolves when fewer than `count` updates are queued or running. */
  whenBelow(count: number): Promise<void>;
}

export interface UpdateSchedulerOptions {
  handle(update: Update): Promise<void>;
  maxConcurrent: number;
}

/** The lane an update runs in: its chat (messages) or its chat's buttons (callback queries). */
export function laneOf(update: Update): string {
  if ('callback_query' in update) {
    const query = update.callback_query;
    return `buttons:${query.message?.chat.id ?? query.from.id}`;
  }
  if ('message' in update) return `chat:${update.message.chat.id}`;
  return 'other';
}

export function createUpdateScheduler(options: UpdateSchedulerOptions): UpdateScheduler {
  const lanes = new Map<string, { update: Update; settled: () => void }[]>();
  const busyLanes = new Set<string>();
  const waiters = new Set<() => void>();
  let running = 0;
  let size = 0;

  const pump = () => {
    for (const [lane, queue] of lanes) {
      if (running >= options.maxConcurrent) return;
      if (busyLanes.has(lane)) continue;
      const next = queue.shift();
      if (queue.length === 0) lanes.delete(lane);
      if (next !== undefined) start(lane, next);
    }
  };

  const start = (lane: string, item: { update: Update; settled: () => void }) => {
    busyLanes.add(lane);
    running += 1;
    void options
      .handle(item.update)
      .catch(() => undefined)
      .finally(() => {
        busyLanes.delete(lane);
        running -= 1;
        size -= 1;
        item.settled();
        waiters.forEach((wake) => wake());
        pump();
      });
  };

  return {
    submit(update, settled) {
      const lane = laneOf(update);
      const queue = lanes.get(lane) ?? [];
      queue.push({ update, settled });
      lanes.set(lane, queue);
      size += 1;
      pump();
    },
    get size() {
      return size;
    },
    async whenBelow(count) {
      while (size >= count) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
        });
      }
    },
  };
}
