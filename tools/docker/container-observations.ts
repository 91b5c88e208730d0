/**
 * The container alert rules as observations: what each rule says about one container, in sentences that
 * read well aloud ("nextcloud is unhealthy", "nextcloud exited with code 137", "plex has restarted 5 times
 * in 10 minutes") with the recovery said when it resolves. Pure functions; checks.ts reads the engine.
 */
import type { AlertsConfig } from '../../src/config/alerts-schema.js';
import { countOf, spokenDuration } from '../../src/router/speech-format.js';
import type { Observation, SuggestedAction } from '../../src/toolkit/check.js';
import { localHost } from '../../src/toolkit/host-input.js';
import type { ContainerCondition } from './container-condition.js';
import { speakableName } from './docker-errors.js';
import type { ExitVerdict } from './exit-verdict.js';
import type { RestartTally } from './restart-window.js';

type Rules = AlertsConfig['rules'];

/** The tool the offered remediation runs (tools/docker/docker-tools.ts), approved by a person first. */
const restartTool = 'docker_restart';

function restartOffer(rule: { offerRestart: boolean }, container: ContainerCondition): SuggestedAction | undefined {
  return rule.offerRestart ? { tool: restartTool, input: { name: container.name } } : undefined;
}

function observation(
  fields: Omit<Observation, 'host' | 'action'> & { action: SuggestedAction | undefined },
): Observation {
  const { action, ...rest } = fields;
  return { ...rest, host: localHost, ...(action ? { action } : {}) };
}

export function unhealthyObservation(rule: Rules['containerUnhealthy'], container: ContainerCondition): Observation {
  const name = speakableName(container.name);
  const condition: Observation['condition'] =
    container.state === 'running'
      ? container.health === 'unhealthy'
        ? 'firing'
        : container.health === 'starting'
          ? 'hold'
          : 'clear'
      : ['exited', 'created', 'dead'].includes(container.state)
        ? 'clear'
        : 'hold'; // restarting, paused, being removed: wait and see
  return observation({
    rule: 'container-unhealthy',
    target: container.name,
    condition,
    severity: rule.severity,
    summary: `${name} is unhealthy`,
    recovery:
      container.state === 'running'
        ? `${name} is healthy again`
        : `${name} is no longer running, so its health check has stopped`,
    for: rule.for,
    action: restartOffer(rule, container),
  });
}

/** A verdict of 'pending' means the death is too recent to judge (or its events could not be read): hold. */
export function exitedObservation(
  rule: Rules['containerExited'],
  container: ContainerCondition,
  verdict: ExitVerdict | 'pending' | undefined,
): Observation {
  const name = speakableName(container.name);
  const condition: Observation['condition'] =
    container.state === 'exited'
      ? verdict === 'unexpected'
        ? 'firing'
        : verdict === 'pending' || verdict === undefined
          ? 'hold'
          : 'clear'
      : ['running', 'created', 'dead'].includes(container.state)
        ? 'clear'
        : 'hold'; // restarting: its restart policy is at work; the restart-loop rule watches that
  const summary = container.oomKilled
    ? `${name} ran out of memory and was killed`
    : `${name} exited with code ${container.exitCode}`;
  const recovery =
    container.state === 'running'
      ? `${name} is running again`
      : verdict === 'stopped'
        ? `${name} was stopped`
        : verdict === 'clean'
          ? `${name} exited cleanly`
          : `${name} is no longer failing`;
  return observation({
    rule: 'container-exited',
    target: container.name,
    condition,
    severity: rule.severity,
    summary,
    recovery,
    value: container.exitCode,
    for: rule.for,
    action: restartOffer(rule, container),
  });
}

export function restartLoopObservation(
  rule: Rules['containerRestartLoop'],
  container: ContainerCondition,
  tally: RestartTally,
): Observation {
  const name = speakableName(container.name);
  const condition: Observation['condition'] =
    tally.restarts >= rule.restarts ? 'firing' : tally.complete ? 'clear' : 'hold';
  return observation({
    rule: 'container-restart-loop',
    target: container.name,
    condition,
    severity: rule.severity,
    summary: `${name} has restarted ${countOf(tally.restarts, 'time')} in ${spokenDuration(rule.within / 1000)}`,
    recovery: `${name} is no longer in a restart loop`,
    value: tally.restarts,
    for: 0,
    action: undefined,
  });
}

export function dockerDownObservation(rule: Rules['dockerDown'], reachable: boolean): Observation {
  return observation({
    rule: 'docker-down',
    target: 'docker',
    condition: reachable ? 'clear' : 'firing',
    severity: rule.severity,
    summary: 'the Docker engine cannot be reached',
    recovery: 'the Docker engine answers again',
    for: rule.for,
    action: undefined,
  });
}
