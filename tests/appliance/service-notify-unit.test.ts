/**
 * The notifier and the stop handling in-process: what goes to systemd and when nothing does, and how a
 * second signal or a stop past its deadline ends the process with a log line.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createServiceNotifier } from '../../src/app/service-notify.js';
import { createLogger } from '../../src/log.js';
import { watchStopSignals } from '../../src/cli/stop-signals.js';

function capturedLog() {
  const lines: { level: string; message: string }[] = [];
  return { lines, log: createLogger({ write: (line) => lines.push(JSON.parse(line) as (typeof lines)[number]) }) };
}

describe('the systemd notifier', () => {
  it('sends nothing, and asks for no watchdog, when systemd did not set NOTIFY_SOCKET', async () => {
    const sent: string[][] = [];
    const notifier = createServiceNotifier({
      env: { WATCHDOG_USEC: '30000000' },
      log: capturedLog().log,
      send: async (fields) => void sent.push(fields),
    });
    await notifier.ready('ready: no channels enabled');
    await notifier.watchdog();
    await notifier.stopping('stopping');
    expect(sent).toEqual([]);
    expect(notifier.watchdogIntervalMs).toBeNull();
  });

  it('sends READY, STATUS on one line, WATCHDOG and STOPPING in order; pings at half of WATCHDOG_USEC', async () => {
    const sent: string[][] = [];
    const notifier = createServiceNotifier({
      env: { NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '30000000', WATCHDOG_PID: '4242' },
      pid: 4242,
      log: capturedLog().log,
      send: async (fields) => void sent.push(fields),
    });
    expect(notifier.watchdogIntervalMs).toBe(15_000);
    void notifier.ready('ready: voice running,\ntelegram running');
    void notifier.watchdog();
    await notifier.stopping('stopping: closing');
    expect(sent).toEqual([
      ['READY=1', 'STATUS=ready: voice running, telegram running'],
      ['WATCHDOG=1'],
      ['STOPPING=1', 'STATUS=stopping: closing'],
    ]);
  });

  it('leaves the watchdog to the process WATCHDOG_PID names', () => {
    const notifier = createServiceNotifier({
      env: { NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '30000000', WATCHDOG_PID: '1' },
      pid: 4242,
      log: capturedLog().log,
    });
    expect(notifier.watchdogIntervalMs).toBeNull();
  });

  it('says once, with the fix, when systemd cannot be told, and keeps the service running', async () => {
    const { lines, log } = capturedLog();
    const notifier = createServiceNotifier({
      env: { NOTIFY_SOCKET: '/run/systemd/notify' },
      log,
      send: () => Promise.reject(new Error('spawn systemd-notify ENOENT')),
    });
    await notifier.ready('ready');
    await notifier.status('ready');
    const warnings = lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('systemd-notify');
  });
});

describe('stopping on a signal', () => {
  function fakeProcess() {
    const emitter = new EventEmitter();
    const exits: number[] = [];
    let exited: (code: number) => void = () => {};
    const exitedOnce = new Promise<number>((resolve) => (exited = resolve));
    return {
      runtime: {
        on: (signal: 'SIGTERM' | 'SIGINT', handler: (signal: NodeJS.Signals) => void) => emitter.on(signal, handler),
        exit: (code: number) => {
          exits.push(code);
          exited(code);
        },
      },
      send: (signal: NodeJS.Signals) => emitter.emit(signal, signal),
      exits,
      exitedOnce,
    };
  }

  it('starts a graceful stop on the first SIGTERM and exits 1 at once on a second, saying why', async () => {
    const { lines, log } = capturedLog();
    const fake = fakeProcess();
    const signals = watchStopSignals(log, 60_000, fake.runtime);
    fake.send('SIGTERM');
    expect(await signals.received).toBe('SIGTERM');
    expect(fake.exits).toEqual([]);
    fake.send('SIGTERM');
    expect(fake.exits).toEqual([1]);
    expect(lines.at(-1)).toMatchObject({ level: 'error', message: expect.stringContaining('second signal') });
  });

  it('exits 1 with a log line when the graceful stop is still running at the deadline', async () => {
    const { lines, log } = capturedLog();
    const fake = fakeProcess();
    const signals = watchStopSignals(log, 20, fake.runtime);
    fake.send('SIGINT');
    await signals.received;
    signals.stopping();
    expect(await fake.exitedOnce).toBe(1);
    expect(lines.at(-1)).toMatchObject({ level: 'error', message: expect.stringContaining('took too long') });
  });
});
