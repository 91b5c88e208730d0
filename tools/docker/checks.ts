/**
 * The Docker area's alert check ('docker.containers'): unhealthy containers, containers that exited on their
 * own (exit-verdict.ts says how a stop someone asked for is told apart), restart loops, and the engine
 * itself being unreachable. When the engine cannot be reached only docker-down is covered, so the
 * container alerts hold as they are (and the docker-down inhibition keeps them quiet).
 */
import type { AlertsConfig } from '../../src/config/alerts-schema.js';
import type { Logger } from '../../src/log.js';
import type { AlertCheck, CheckRun, Observation } from '../../src/toolkit/check.js';
import { localHost } from '../../src/toolkit/host-input.js';
import type { DockerClient } from './client.js';
import type { ContainerCondition } from './container-condition.js';
import {
  dockerDownObservation,
  exitedObservation,
  restartLoopObservation,
  unhealthyObservation,
} from './container-observations.js';
import { DockerUnreachableError } from './docker-errors.js';
import { type ExitVerdict, verdictFromEvents, verdictFromState } from './exit-verdict.js';
import { createRestartWindow } from './restart-window.js';

export interface DockerChecksOptions {
  client: Pick<DockerClient, 'containerConditions' | 'containerEvents'>;
  rules: AlertsConfig['rules'];
  intervalMs: number;
  log: Logger;
  clock?: () => Date;
}

/** The engine logs the `stop` just after the die it caused: a death is judged once this long has passed. */
const settleMs = 2000;

/** Judges each death once (exit-verdict.ts), reading the engine's events only when the container alone cannot tell. */
function createExitJudge(client: DockerChecksOptions['client'], log: Logger) {
  const verdicts = new Map<string, { finishedAt: number; verdict: ExitVerdict }>();
  return {
    async judge(container: ContainerCondition, now: number): Promise<ExitVerdict | 'pending'> {
      const fromState = verdictFromState(container);
      if (fromState) return fromState;
      const finishedAt = container.finishedAt?.getTime() ?? 0;
      const known = verdicts.get(container.id);
      if (known && known.finishedAt === finishedAt) return known.verdict;
      if (now < finishedAt + settleMs) return 'pending';
      let verdict: ExitVerdict;
      try {
        const events = await client.containerEvents(container.id, {
          since: container.startedAt ?? new Date(finishedAt),
          until: new Date(finishedAt + settleMs),
        });
        verdict = verdictFromEvents(container, events);
      } catch (error) {
        log.warn('could not read the engine events for an exited container', { container: container.name, error });
        return 'pending';
      }
      verdicts.set(container.id, { finishedAt, verdict });
      return verdict;
    },
    keepOnly(ids: ReadonlySet<string>) {
      for (const id of verdicts.keys()) if (!ids.has(id)) verdicts.delete(id);
    },
  };
}

const containerRules = ['container-unhealthy', 'container-exited', 'container-restart-loop'] as const;

export function createDockerChecks(options: DockerChecksOptions): AlertCheck[] {
  const { rules } = options;
  const enabled = {
    'container-unhealthy': rules.containerUnhealthy.enabled,
    'container-exited': rules.containerExited.enabled,
    'container-restart-loop': rules.containerRestartLoop.enabled,
  };
  if (!Object.values(enabled).some(Boolean) && !rules.dockerDown.enabled) return [];
  const log = options.log.child('alerts:docker');
  const clock = options.clock ?? (() => new Date());
  const exits = createExitJudge(options.client, log);
  const restarts = createRestartWindow(rules.containerRestartLoop.within);
  const ignores = (rule: { watch: readonly string[]; ignore: readonly string[] }, container: ContainerCondition) =>
    !matchesAny(rule.watch, container.name) || matchesAny(rule.ignore, container.name);

  async function observe(container: ContainerCondition, now: number): Promise<Observation[]> {
    const seen: Observation[] = [];
    if (enabled['container-unhealthy'] && !ignores(rules.containerUnhealthy, container))
      seen.push(unhealthyObservation(rules.containerUnhealthy, container));
    if (enabled['container-exited'] && !ignores(rules.containerExited, container)) {
      const verdict = container.state === 'exited' ? await exits.judge(container, now) : undefined;
      seen.push(exitedObservation(rules.containerExited, container, verdict));
    }
    if (enabled['container-restart-loop'] && !ignores(rules.containerRestartLoop, container))
      seen.push(restartLoopObservation(rules.containerRestartLoop, container, restarts.record(container, now)));
    return seen;
  }

  async function run(): Promise<CheckRun> {
    let containers: ContainerCondition[];
    try {
      containers = await options.client.containerConditions();
    } catch (error) {
      if (!(error instanceof DockerUnreachableError)) throw error; // Docker answered with an error: no change
      log.warn('docker unreachable', { error });
      if (!rules.dockerDown.enabled) return { observations: [], covers: [] };
      return {
        observations: [dockerDownObservation(rules.dockerDown, false)],
        covers: [{ rule: 'docker-down', host: localHost }],
      };
    }
    const now = clock().getTime();
    const ids = new Set(containers.map((container) => container.id));
    exits.keepOnly(ids);
    restarts.keepOnly(ids);
    const observations = (await Promise.all(containers.map((container) => observe(container, now)))).flat();
    if (rules.dockerDown.enabled) observations.push(dockerDownObservation(rules.dockerDown, true));
    const covered = [
      ...containerRules.filter((rule) => enabled[rule]),
      ...(rules.dockerDown.enabled ? ['docker-down'] : []),
    ];
    return { observations, covers: covered.map((rule) => ({ rule, host: localHost })) };
  }

  return [{ name: 'docker.containers', intervalMs: options.intervalMs, run }];
}

/** Whether a name matches one of the patterns: exact, or with * (any run of characters) and ? (one). */
export function matchesAny(patterns: readonly string[], name: string): boolean {
  return patterns.some((pattern) => {
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.');
    return new RegExp(`^${source}$`).test(name);
  });
}
