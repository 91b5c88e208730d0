/**
 * What the container alert checks read about each container (the Docker Engine API's inspect data cut to
 * what they need: health, exit code, OOM kill, restart count and policy, start and finish times), and the
 * lifecycle events the engine still holds about one container. Pure mappings, no engine calls.
 */
import type Docker from 'dockerode';
import type { ContainerHealth, ContainerState } from './types.js';

export interface ContainerCondition {
  /** The full id: samples and verdicts are kept per id, so a container recreated under its name starts afresh. */
  id: string;
  name: string;
  state: ContainerState;
  health: ContainerHealth;
  /** The last exit code (meaningful once it has exited). */
  exitCode: number;
  oomKilled: boolean;
  /** Restarts Docker's restart policy made since the container was last started by hand. */
  restartCount: number;
  /** 'no', 'always', 'unless-stopped', 'on-failure' ('' on engines that leave it out). */
  restartPolicy: string;
  /** Config.StopSignal ('SIGQUIT', '28'), or null for the default SIGTERM. */
  stopSignal: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** One event of a container's life as the engine logged it: start, kill (with its signal), die (with its code), stop. */
export interface ContainerEvent {
  action: string;
  /** Milliseconds since the epoch (from the event's nanoseconds). */
  at: number;
  signal?: string;
  exitCode?: number;
}

/** Docker writes 0001-01-01T00:00:00Z for a time that never happened (a container never started). */
function timeOf(text: string | undefined): Date | null {
  if (!text || text.startsWith('0001-')) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function toCondition(inspect: Docker.ContainerInspectInfo): ContainerCondition {
  const state = inspect.State;
  return {
    id: inspect.Id,
    name: inspect.Name.replace(/^\//, ''),
    state: state.Status as ContainerState,
    health: (state.Health?.Status as ContainerHealth | undefined) ?? 'none',
    exitCode: state.ExitCode,
    oomKilled: state.OOMKilled === true,
    restartCount: inspect.RestartCount ?? 0,
    restartPolicy: inspect.HostConfig?.RestartPolicy?.Name ?? '',
    stopSignal: (inspect.Config as { StopSignal?: string } | undefined)?.StopSignal || null,
    createdAt: timeOf(inspect.Created) ?? new Date(0),
    startedAt: timeOf(state.StartedAt),
    finishedAt: timeOf(state.FinishedAt),
  };
}

interface EventMessage {
  Action?: string;
  timeNano?: number;
  time?: number;
  Actor?: { Attributes?: Record<string, string> };
}

/** The engine's newline-delimited JSON events, oldest first; a line that is not an event is skipped. */
export function parseEvents(text: string): ContainerEvent[] {
  return text.split('\n').flatMap((line): ContainerEvent[] => {
    if (line.trim() === '') return [];
    let message: EventMessage;
    try {
      message = JSON.parse(line) as EventMessage;
    } catch {
      return [];
    }
    if (typeof message.Action !== 'string') return [];
    const at = message.timeNano ? message.timeNano / 1e6 : (message.time ?? 0) * 1000;
    const attributes = message.Actor?.Attributes ?? {};
    const exitCode = attributes.exitCode === undefined ? undefined : Number(attributes.exitCode);
    return [
      {
        action: message.Action,
        at,
        ...(attributes.signal === undefined ? {} : { signal: attributes.signal }),
        ...(exitCode === undefined || Number.isNaN(exitCode) ? {} : { exitCode }),
      },
    ];
  });
}
