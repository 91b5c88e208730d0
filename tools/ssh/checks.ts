/**
 * The SSH area's alert check ('ssh.hosts'): a configured host that cannot be reached (down, refusing
 * the login, or offering a host key that is not the pinned one) fires `host-unreachable` for it. Every
 * host is tried in parallel with its own deadline; a host that answers clears its alert.
 */
import type { AlertCheck, Observation } from '../../src/toolkit/check.js';
import { hostCommandFailure, type HostCommands } from '../../src/toolkit/host-commands.js';
import { describeError } from '../../src/errors.js';

export const hostUnreachableRule = 'host-unreachable';

export interface HostChecksOptions {
  commands: Pick<HostCommands, 'run'>;
  hosts: readonly string[];
  intervalMs: number;
  /** How long a host must stay unreachable before the alert fires; default 1 minute. */
  forMs?: number;
  timeoutMs?: number;
}

export function createHostChecks(options: HostChecksOptions): AlertCheck[] {
  if (options.hosts.length === 0) return [];
  return [
    {
      name: 'ssh.hosts',
      intervalMs: options.intervalMs,
      async run(signal) {
        const observations = await Promise.all(options.hosts.map((host) => observe(host, options, signal)));
        return {
          observations,
          covers: options.hosts.map((host) => ({ rule: hostUnreachableRule, host })),
        };
      },
    },
  ];
}

async function observe(host: string, options: HostChecksOptions, signal: AbortSignal): Promise<Observation> {
  const base = {
    rule: hostUnreachableRule,
    target: host,
    host,
    severity: 'critical' as const,
    for: options.forMs ?? 60_000,
    recovery: `${host} is reachable again`,
  };
  try {
    await options.commands.run(host, ['true'], { timeoutMs: options.timeoutMs ?? 8000, signal });
    return { ...base, condition: 'clear', summary: `${host} is reachable` };
  } catch (error) {
    const failure = hostCommandFailure(error);
    // The host answered: a refused or missing program is not the host being down.
    if (failure && !['unreachable', 'timeout', 'host-key'].includes(failure.kind))
      return { ...base, condition: 'clear', summary: `${host} is reachable` };
    const why = !failure
      ? describeError(error).slice(0, 100)
      : failure.kind === 'host-key'
        ? 'its host key is not the pinned one'
        : 'it does not answer over SSH';
    return { ...base, condition: 'firing', summary: `${host} is unreachable: ${why}` };
  }
}
