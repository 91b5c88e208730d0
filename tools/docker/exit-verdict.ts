/**
 * Did an exited container stop because someone asked (`docker stop`, `docker kill`, compose stop) or on its
 * own? Only the second is a container-exited alert.
 *
 * Docker records no "stopped by a person" flag that its API shows (moby keeps HasBeenManuallyStopped
 * internally, for the unless-stopped policy), and the exit code cannot tell either: `docker stop` ends in
 * 143 (SIGTERM), 137 (SIGKILL after the grace time) or whatever code the program's own TERM handler picks
 * (0, 1 ...), while a program that fails may exit with any code, 137 included when the kernel kills it.
 * What does tell is the engine's event log: a stop is announced around the die it causes (kill signal=15,
 * kill signal=9, die, stop), a crash is a bare die. So, in this order:
 *   1. exit code 0: a clean exit, never an alert;
 *   2. State.OOMKilled: it ran out of memory, always an alert;
 *   3. restart policy always or unless-stopped: Docker restarts such a container after any exit unless
 *      someone stopped it, so one that stays exited was stopped;
 *   4. the engine still holds the die: a `stop`, or a `kill` with a signal that ends a program (INT, QUIT,
 *      KILL, TERM or the container's own stop signal), between the start before that die and the start
 *      after it means someone asked; none means it exited on its own;
 *   5. the engine no longer holds the die: it keeps only its last 256 events of every kind (health checks
 *      alone log three per probe) and forgets them when it restarts. Then the code decides: 130, 137 and
 *      143 (SIGINT, SIGKILL, SIGTERM: what stop and kill leave) count as a stop someone asked for, any
 *      other non-zero code as an unexpected exit.
 * The limit: when the check looks later than the engine remembers (a very busy engine, or a death while
 * the engine or sysvox was down), a program killed by something outside Docker with 137 is taken for a
 * stop, and a program whose TERM handler exits with another code (1) is taken for a failure.
 */
import { constants } from 'node:os';
import type { ContainerCondition, ContainerEvent } from './container-condition.js';

/** 'clean': exit code 0. 'stopped': someone asked. 'unexpected': the container-exited alert. */
export type ExitVerdict = 'clean' | 'stopped' | 'unexpected';

/** The codes a process ends with when SIGINT, SIGKILL or SIGTERM ends it (128 + the signal). */
const stopExitCodes = new Set([130, 137, 143]);
/** SIGINT, SIGQUIT, SIGKILL, SIGTERM: the signals that ask a program to end (SIGHUP asks it to reload). */
const endingSignals = new Set([2, 3, 9, 15]);

/** Decided from the container alone, or undefined when the engine's events must decide (step 4 or 5). */
export function verdictFromState(container: ContainerCondition): ExitVerdict | undefined {
  if (container.exitCode === 0) return 'clean';
  if (container.oomKilled) return 'unexpected';
  if (container.restartPolicy === 'always' || container.restartPolicy === 'unless-stopped') return 'stopped';
  return undefined;
}

/** "15", "SIGTERM" or "TERM" -> 15; null when it names no signal. */
function signalNumber(signal: string | null | undefined): number | null {
  if (!signal) return null;
  const trimmed = signal.trim().toUpperCase();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const name = (trimmed.startsWith('SIG') ? trimmed : `SIG${trimmed}`) as keyof typeof constants.signals;
  return constants.signals[name] ?? null;
}

/** Steps 4 and 5, from the events the engine still holds around the container's last death (oldest first). */
export function verdictFromEvents(container: ContainerCondition, events: readonly ContainerEvent[]): ExitVerdict {
  const dieIndex = events.findLastIndex((event) => event.action === 'die');
  if (dieIndex < 0) return stopExitCodes.has(container.exitCode) ? 'stopped' : 'unexpected';
  const ending = new Set(endingSignals);
  const own = signalNumber(container.stopSignal);
  if (own !== null) ending.add(own);
  const startBefore = events.findLastIndex((event, index) => index < dieIndex && event.action === 'start');
  const startAfter = events.findIndex((event, index) => index > dieIndex && event.action === 'start');
  const segment = events.slice(startBefore + 1, startAfter < 0 ? events.length : startAfter);
  const asked = segment.some(
    (event) =>
      event.action === 'stop' || (event.action === 'kill' && ending.has(signalNumber(event.signal) ?? Number.NaN)),
  );
  return asked ? 'stopped' : 'unexpected';
}
