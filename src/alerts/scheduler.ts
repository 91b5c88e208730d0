/**
 * Runs the alert checks on their own schedules, in code (never through the LLM): each check every
 * intervalMs, never two runs of one check at once, each run bounded by a timeout through its
 * AbortSignal. A run's observations go to the engine, then the engine ticks; a separate tick timer
 * keeps group_wait and repeats on time between runs. A check that throws changes no alert and is
 * logged once per failing streak, not on every run.
 */
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { AlertCheck, CheckRun } from '../toolkit/check.js';
import type { AlertEngine } from './engine.js';

export interface AlertSchedulerOptions {
  engine: AlertEngine;
  checks: readonly AlertCheck[];
  log: Logger;
  /** How often due notices are looked for between check runs (group_wait is only as exact as this). */
  tickEveryMs: number;
  /** A run that takes longer is aborted and counts as a failure; default the check's interval, at most 60 s. */
  timeoutMs?: number;
}

export interface AlertScheduler {
  start(): void;
  /** Stops every schedule, aborts running checks and waits for them and the last tick to end. */
  stop(): Promise<void>;
}

type Outcome = { ok: true; run: CheckRun } | { ok: false; error: unknown };

function timedOut(signal: AbortSignal): Promise<Outcome> {
  return new Promise((resolve) => {
    const fail = () => resolve({ ok: false, error: signal.reason });
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

export function createAlertScheduler(options: AlertSchedulerOptions): AlertScheduler {
  const { engine, log } = options;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const running = new Map<AbortController, Promise<void>>();
  const failing = new Set<string>();
  let tickTimer: ReturnType<typeof setInterval> | undefined;
  let stopped = true;
  /** Counts starts, so a run left over from before a stop() never schedules into the next start(). */
  let generation = 0;
  let lastTick: Promise<void> = Promise.resolve();

  const tick = () => (lastTick = engine.tick());

  const later = (ms: number, work: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timers.add(timer);
  };

  function report(check: AlertCheck, outcome: Outcome): void {
    if (outcome.ok) {
      if (failing.delete(check.name)) log.info('alert check works again', { check: check.name });
      engine.observe(check.name, outcome.run);
      return;
    }
    if (failing.has(check.name)) return;
    failing.add(check.name);
    log.warn('alert check failed; its alerts stay as they are until it works again', {
      check: check.name,
      error: describeError(outcome.error),
    });
  }

  /** Waits for the run or its timeout, whichever comes first, then reports it and ticks. */
  async function handle(check: AlertCheck, attempt: Promise<Outcome>, controller: AbortController): Promise<void> {
    const timeoutMs = options.timeoutMs ?? Math.min(check.intervalMs, 60_000);
    const timeout = setTimeout(
      () => controller.abort(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
    const outcome = await Promise.race([attempt, timedOut(controller.signal)]);
    clearTimeout(timeout);
    if (stopped) return;
    report(check, outcome);
    if (outcome.ok) await tick();
  }

  function schedule(check: AlertCheck, delayMs: number): void {
    const started = generation;
    later(delayMs, () => {
      if (stopped) return;
      const startedAt = Date.now();
      const controller = new AbortController();
      const attempt = Promise.resolve()
        .then(() => check.run(controller.signal))
        .then(
          (run): Outcome => ({ ok: true, run }),
          (error: unknown): Outcome => ({ ok: false, error }),
        );
      const handled = handle(check, attempt, controller);
      running.set(controller, handled);
      void handled.finally(() => running.delete(controller));
      // No overlap: the next run waits for this one to end, even when it ignored its abort.
      void Promise.all([handled, attempt]).then(() => {
        if (!stopped && generation === started) schedule(check, Math.max(0, startedAt + check.intervalMs - Date.now()));
      });
    });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      generation++;
      for (const check of options.checks) schedule(check, 0);
      tickTimer = setInterval(() => void tick(), options.tickEveryMs);
    },
    async stop() {
      stopped = true;
      clearInterval(tickTimer);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const controller of running.keys()) controller.abort(new Error('sysvox is stopping'));
      await Promise.allSettled(running.values());
      await lastTick;
    },
  };
}
