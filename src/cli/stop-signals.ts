/**
 * How the service stops: the first SIGTERM or SIGINT starts a graceful stop; a second one, or a stop
 * that is still running at the deadline (kept below the unit's TimeoutStopSec), ends the process at
 * once with exit code 1 and a log line saying why, before systemd would have to SIGKILL it.
 */
import type { Logger } from '../log.js';

export interface StopSignals {
  /** Resolves with the name of the first signal. */
  readonly received: Promise<NodeJS.Signals>;
  /** Call when the graceful stop begins: from now on the deadline runs. */
  stopping(): void;
}

/** The process as stop handling sees it (a test passes an emitter and records the exit). */
export interface StopRuntime {
  on(signal: 'SIGTERM' | 'SIGINT', handler: (signal: NodeJS.Signals) => void): void;
  exit(code: number): void;
}

export function watchStopSignals(log: Logger, deadlineMs: number, runtime: StopRuntime = process): StopSignals {
  let first: NodeJS.Signals | undefined;
  let resolveReceived: (signal: NodeJS.Signals) => void = () => {};
  const received = new Promise<NodeJS.Signals>((resolve) => (resolveReceived = resolve));
  const onSignal = (signal: NodeJS.Signals) => {
    if (first === undefined) {
      first = signal;
      log.info('stopping', { signal });
      resolveReceived(signal);
      return;
    }
    log.error('stopping at once: a second signal came before the graceful stop finished', { signal });
    runtime.exit(1);
  };
  runtime.on('SIGTERM', onSignal);
  runtime.on('SIGINT', onSignal);
  return {
    received,
    stopping() {
      const timer = setTimeout(() => {
        log.error('the graceful stop took too long; exiting without finishing it', { deadlineMs });
        runtime.exit(1);
      }, deadlineMs);
      timer.unref();
    },
  };
}
