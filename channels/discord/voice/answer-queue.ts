/**
 * Answers in the call, one at a time and in the order they were asked: two people asking at once each
 * get their answer, the second after the first. A barge-in cuts only the answer being spoken.
 */
import { describeError } from '../../../src/errors.js';
import type { Logger } from '../../../src/log.js';

export type AnswerJob = (signal: AbortSignal) => Promise<void>;

export class AnswerQueue {
  private tail: Promise<void> = Promise.resolve();
  private current: AbortController | undefined;
  private waiting = 0;
  private closed = false;

  constructor(private readonly log: Logger) {}

  /** Runs the job after every job added before it; resolves when it finished (errors are logged, never thrown). */
  add(label: string, job: AnswerJob): Promise<void> {
    this.waiting += 1;
    const run = async () => {
      this.waiting -= 1;
      if (this.closed) return;
      const abort = new AbortController();
      this.current = abort;
      try {
        await job(abort.signal);
      } catch (error) {
        this.log.warn('a voice answer failed', { job: label, error: describeError(error) });
      } finally {
        if (this.current === abort) this.current = undefined;
      }
    };
    this.tail = this.tail.then(run);
    return this.tail;
  }

  /** Cuts the answer being spoken; the ones waiting still come. */
  cutCurrent(): boolean {
    if (!this.current) return false;
    this.current.abort();
    return true;
  }

  /** Something is being answered or waits to be. */
  busy(): boolean {
    return this.current !== undefined || this.waiting > 0;
  }

  /** Drops what waits and cuts what runs (leaving the call). */
  close(): Promise<void> {
    this.closed = true;
    this.current?.abort();
    return this.tail;
  }
}
