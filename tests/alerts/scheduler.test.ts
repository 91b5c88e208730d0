/**
 * The scheduler runs checks in code on their own intervals (vitest's fake timers drive the time), never
 * two runs of one check at once, bounds each run with a timeout, keeps alerts as they are while a check
 * fails, and logs a failing check once per streak.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAlertScheduler, type AlertScheduler } from '../../src/alerts/scheduler.js';
import type { AlertCheck, CheckRun } from '../../src/toolkit/check.js';
import { createHarness, minute, second, texts, unhealthy, type Harness } from './harness.js';

let harness: Harness;
let scheduler: AlertScheduler | undefined;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z') });
  harness = createHarness(
    { groupWait: '30s', keepFiringFor: '0s', rules: { containerUnhealthy: { for: '0s' } } },
    { clock: () => new Date() },
  );
});
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  vi.useRealTimers();
  harness.close();
});

const run = (...observations: CheckRun['observations']): CheckRun => ({
  observations,
  covers: [{ rule: 'container-unhealthy', host: 'local' }],
});

function start(checks: AlertCheck[], timeoutMs?: number): void {
  scheduler = createAlertScheduler({
    engine: harness.engine,
    checks,
    log: createLogCollector(),
    tickEveryMs: 5 * second,
    timeoutMs,
  });
  scheduler.start();
}

/** The harness's log lines, seen through a logger the scheduler writes to. */
function createLogCollector() {
  const push = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void harness.logs.push({ level, message, ...fields });
  const logger = {
    debug: push('debug'),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
    child: () => logger,
  };
  return logger;
}

const logged = (message: string) => harness.logs.filter((line) => line.message === message).length;

describe('alert scheduler', () => {
  it('runs each check on its own interval and announces after group_wait through its tick timer', async () => {
    const docker = vi.fn(async () => run(unhealthy('nextcloud')));
    const slow = vi.fn(async () => run());
    start([
      { name: 'docker.containers', intervalMs: 15 * second, run: docker },
      { name: 'system.metrics', intervalMs: minute, run: slow },
    ]);
    await vi.advanceTimersByTimeAsync(35 * second);
    expect(docker).toHaveBeenCalledTimes(3);
    expect(slow).toHaveBeenCalledTimes(1);
    expect(texts(harness.sent)).toEqual(['Warning: nextcloud is unhealthy.']);
  });

  it('keeps alerts as they are while a check throws, and logs that once per failing streak', async () => {
    let broken = false;
    start([
      {
        name: 'docker.containers',
        intervalMs: 10 * second,
        run: async () => {
          if (broken) throw new Error('connect ENOENT /var/run/docker.sock');
          return run(unhealthy('nextcloud'));
        },
      },
    ]);
    await vi.advanceTimersByTimeAsync(40 * second);
    expect(harness.sent).toHaveLength(1);
    broken = true;
    await vi.advanceTimersByTimeAsync(10 * minute);
    expect(logged('alert check failed; its alerts stay as they are until it works again')).toBe(1);
    expect(harness.memory.alerts.list()).toMatchObject([{ target: 'nextcloud', state: 'firing' }]);
    expect(harness.sent).toHaveLength(1);

    broken = false;
    await vi.advanceTimersByTimeAsync(10 * second);
    broken = true;
    await vi.advanceTimersByTimeAsync(30 * second);
    expect(logged('alert check works again')).toBe(1);
    expect(logged('alert check failed; its alerts stay as they are until it works again')).toBe(2);
  });

  it('aborts a run at its timeout, and never starts a run while the last one is still going', async () => {
    const signals: AbortSignal[] = [];
    let running = 0;
    let mostAtOnce = 0;
    let finish: (() => void) | undefined;
    start(
      [
        {
          name: 'command:stuck',
          intervalMs: 10 * second,
          run: (signal) => {
            signals.push(signal);
            mostAtOnce = Math.max(mostAtOnce, ++running);
            // ignores its signal: ends only when the test lets it
            return new Promise<CheckRun>((resolve) => {
              finish = () => {
                running--;
                resolve(run());
              };
            });
          },
        },
      ],
      3 * second,
    );
    await vi.advanceTimersByTimeAsync(minute);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
    expect(String(signals[0]!.reason)).toContain('no answer within 3 s');
    expect(logged('alert check failed; its alerts stay as they are until it works again')).toBe(1);

    finish!();
    await vi.advanceTimersByTimeAsync(25 * second);
    expect(signals.length).toBeGreaterThanOrEqual(2);
    expect(mostAtOnce).toBe(1);
  });

  it('runs nothing after stop, and aborts the run in progress', async () => {
    const signals: AbortSignal[] = [];
    start([
      {
        name: 'system.metrics',
        intervalMs: 10 * second,
        run: (signal) => {
          signals.push(signal);
          return new Promise<CheckRun>((resolve) => signal.addEventListener('abort', () => resolve(run())));
        },
      },
    ]);
    await vi.advanceTimersByTimeAsync(second);
    await scheduler!.stop();
    await vi.advanceTimersByTimeAsync(minute);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
  });
});
