/**
 * The running service's heartbeat: a timer that pings systemd's watchdog (WATCHDOG=1) at half of
 * WATCHDOG_USEC and refreshes the one-line STATUS=. The ping rides on the event loop, so a blocked loop
 * sends none and systemd restarts the service; how late the timer fired is the loop lag it reports.
 */
import type { Logger } from '../log.js';
import type { ServiceNotifier } from './service-notify.js';

export interface HeartbeatHealth {
  healthy: boolean;
  /** How late the last tick fired, in ms: the time the event loop was busy elsewhere. */
  lagMs: number;
}

export interface Heartbeat {
  health(): HeartbeatHealth;
  stop(): void;
}

export interface HeartbeatOptions {
  notifier: ServiceNotifier;
  /** The STATUS= line now ("ready: voice running, telegram running, 2 alerts firing"). */
  status: () => string;
  log: Logger;
  /** How often STATUS= is refreshed when systemd asked for no watchdog. */
  statusIntervalMs?: number;
}

export function startHeartbeat(options: HeartbeatOptions): Heartbeat {
  const { notifier } = options;
  const log = options.log.child('systemd');
  const intervalMs = notifier.watchdogIntervalMs ?? options.statusIntervalMs ?? 30_000;
  let last = Date.now();
  let lagMs = 0;
  let sentStatus = options.status();
  const tick = () => {
    const now = Date.now();
    lagMs = Math.max(0, now - last - intervalMs);
    last = now;
    if (lagMs > intervalMs) log.warn('the event loop was blocked; the watchdog ping was late', { lagMs });
    const status = options.status();
    const changed = status === sentStatus ? undefined : status;
    sentStatus = status;
    if (notifier.watchdogIntervalMs !== null) void notifier.watchdog(changed);
    else if (changed !== undefined) void notifier.status(changed);
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    health: () => ({ healthy: Date.now() - last <= 2 * intervalMs, lagMs }),
    stop: () => clearInterval(timer),
  };
}
