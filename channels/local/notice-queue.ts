import type { Notice } from '../../src/core/channel.js';

/**
 * Notices waiting for the microphone channel to be free, oldest first. A notice with the key of one
 * already waiting takes its place (and its turn): "disk 95% full" replaces "disk 91% full".
 */
export class NoticeQueue {
  private readonly waiting: Notice[] = [];

  get size(): number {
    return this.waiting.length;
  }

  /** Adds the notice; true when it replaced a waiting one with the same key. */
  add(notice: Notice): boolean {
    const index = this.waiting.findIndex((queued) => queued.key === notice.key);
    if (index >= 0) this.waiting[index] = notice;
    else this.waiting.push(notice);
    return index >= 0;
  }

  take(): Notice | undefined {
    return this.waiting.shift();
  }
}
