/**
 * Tells systemd how the service is doing (the sd_notify protocol: READY=1, WATCHDOG=1, STATUS=,
 * STOPPING=1) through Debian's `systemd-notify` tool, because Node has no unix datagram sockets.
 * systemd-notify waits until systemd has processed each message, so the unit's NotifyAccess=all
 * attributes it reliably (docs/decisions/016-sd-notify.md). Nothing happens unless NOTIFY_SOCKET is set.
 */
import { execFile } from 'node:child_process';
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';

export interface ServiceNotifier {
  /** False when systemd did not ask (no NOTIFY_SOCKET): every call is then a no-op. */
  readonly active: boolean;
  /** Half of WATCHDOG_USEC, when systemd watches this process; null otherwise. */
  readonly watchdogIntervalMs: number | null;
  ready(status: string): Promise<void>;
  watchdog(status?: string): Promise<void>;
  status(text: string): Promise<void>;
  stopping(status: string): Promise<void>;
}

/** Sends one datagram's fields ("READY=1", "STATUS=...") to systemd; rejects when it could not. */
export type NotifySend = (fields: string[]) => Promise<void>;

export interface ServiceNotifierOptions {
  env?: NodeJS.ProcessEnv;
  log: Logger;
  send?: NotifySend;
  pid?: number;
}

export function createServiceNotifier(options: ServiceNotifierOptions): ServiceNotifier {
  const env = options.env ?? process.env;
  const active = Boolean(env.NOTIFY_SOCKET);
  const send = options.send ?? sendWithSystemdNotify(env);
  const log = options.log.child('systemd');
  let queue = Promise.resolve();
  let warned = false;
  // Messages go out one at a time, in order: READY before the STATUS that follows it.
  const post = (fields: string[]): Promise<void> => {
    if (!active) return Promise.resolve();
    queue = queue.then(() =>
      send(fields).catch((error: unknown) => {
        if (warned) return;
        warned = true;
        log.warn('could not notify systemd; check that systemd-notify is installed and NotifyAccess=all is set', {
          error: describeError(error),
        });
      }),
    );
    return queue;
  };
  const oneLine = (text: string) => `STATUS=${text.replace(/\s+/g, ' ').trim()}`;
  return {
    active,
    watchdogIntervalMs: active ? watchdogInterval(env, options.pid ?? process.pid) : null,
    ready: (status) => post(['READY=1', oneLine(status)]),
    watchdog: (status) => post(status === undefined ? ['WATCHDOG=1'] : ['WATCHDOG=1', oneLine(status)]),
    status: (text) => post([oneLine(text)]),
    stopping: (status) => post(['STOPPING=1', oneLine(status)]),
  };
}

/** sd_watchdog_enabled(3): WATCHDOG_USEC, for this process when WATCHDOG_PID names it or is absent. */
function watchdogInterval(env: NodeJS.ProcessEnv, pid: number): number | null {
  const usec = Number(env.WATCHDOG_USEC);
  if (!Number.isFinite(usec) || usec <= 0) return null;
  if (env.WATCHDOG_PID && Number(env.WATCHDOG_PID) !== pid) return null;
  return Math.max(1, Math.floor(usec / 2000));
}

/** systemd-notify blocks until systemd has read the message (its barrier), at most a few seconds. */
function sendWithSystemdNotify(env: NodeJS.ProcessEnv): NotifySend {
  return (fields) =>
    new Promise((resolve, reject) => {
      execFile('systemd-notify', fields, { env, timeout: 10_000 }, (error) => (error ? reject(error) : resolve()));
    });
}
