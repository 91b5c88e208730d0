/**
 * Spoken answers about containers, from the Docker tools' typed results (types.ts), and the Docker
 * clause of the overall status. Container names are said as they are.
 */
import type { StatusPart } from '../../src/router/area.js';
import { asSentence, countOf, joinSpoken, speakable } from '../../src/router/speech-format.js';
import { isProblem } from './container-mappers.js';
import type { ContainerActionResult, ContainerDetails, ContainerLogs, ContainerSummary } from './types.js';

/** Most running names read out before the answer switches to a count. */
const maxNamesSpoken = 8;

/** Docker's "Exited (3) 2 hours ago" -> { code: 3, ago: "2 hours ago" }. */
function parseExited(status: string): { code: number; ago: string | null } | null {
  const found = /exited \((-?\d+)\)\s*(.*)$/i.exec(status);
  if (!found) return null;
  const ago = (found[2] ?? '').trim();
  return { code: Number(found[1]), ago: ago.length > 0 ? ago : null };
}

/** A problem container (isProblem, as docker_problem_containers decides): "db is unhealthy", "job exited with code 3". */
export function describeContainerProblem(container: ContainerSummary): string {
  const name = container.name;
  if (container.health === 'unhealthy') return `${name} is unhealthy`;
  if (container.state === 'exited') {
    const exited = parseExited(container.status);
    return exited ? `${name} exited with code ${exited.code}` : `${name} exited`;
  }
  if (container.state === 'restarting') return `${name} keeps restarting`;
  return `${name} is ${container.state}`;
}

/** The containers' clause of the overall status; null containers: Docker could not be read. */
export function containersStatus(containers: readonly ContainerSummary[] | null): StatusPart {
  if (containers === null) return { clause: "I can't reach Docker", problem: false };
  if (containers.length === 0) return { clause: 'there are no containers', problem: false };
  const problems = containers.filter(isProblem);
  if (problems.length === 0) {
    return {
      clause:
        containers.length === 1 ? 'the one container is healthy' : `all ${containers.length} containers are healthy`,
      problem: false,
    };
  }
  const verb = problems.length === 1 ? 'has a problem' : 'have problems';
  return {
    clause: `${problems.length} of ${containers.length} containers ${verb}: ${joinSpoken(problems.map(describeContainerProblem))}`,
    problem: true,
  };
}

/** "6 of 8 containers are running: a, b ... Not running: job-exited and worker." */
export function listContainersAnswer(containers: readonly ContainerSummary[]): string {
  if (containers.length === 0) return 'There are no containers.';
  const running = containers.filter((container) => container.state === 'running').map((container) => container.name);
  const stopped = containers.filter((container) => container.state !== 'running').map((container) => container.name);
  const names = running.length > 0 && running.length <= maxNamesSpoken ? `: ${joinSpoken(running)}` : '';
  const first =
    running.length === containers.length
      ? `All ${countOf(containers.length, 'container')} ${containers.length === 1 ? 'is' : 'are'} running${names}.`
      : `${running.length} of ${countOf(containers.length, 'container')} ${running.length === 1 ? 'is' : 'are'} running${names}.`;
  if (stopped.length === 0) return first;
  const named =
    stopped.length <= maxNamesSpoken
      ? joinSpoken(stopped)
      : `${stopped.slice(0, maxNamesSpoken).join(', ')}, and ${stopped.length - maxNamesSpoken} more`;
  return `${first} Not running: ${named}.`;
}

/** "db-unhealthy is unhealthy, job-exited exited with code 3." or "All 5 containers are fine." */
export function unhealthyContainersAnswer(containers: readonly ContainerSummary[]): string {
  const problems = containers.filter(isProblem);
  if (problems.length === 0) {
    if (containers.length === 0) return 'There are no containers.';
    return containers.length === 1 ? 'The one container is fine.' : `All ${containers.length} containers are fine.`;
  }
  const described = problems.slice(0, maxNamesSpoken).map(describeContainerProblem);
  const more = problems.length > maxNamesSpoken ? `, and ${problems.length - maxNamesSpoken} more` : '';
  return `${described.join(', ')}${more}.`;
}

/** "plex-server is running and healthy." / "job-exited is not running: it exited with code 2, 2 hours ago." */
export function containerStatusAnswer(details: ContainerDetails): string {
  const name = details.name;
  const restarts = details.restartCount > 0 ? ` It has restarted ${countOf(details.restartCount, 'time')}.` : '';
  if (details.state === 'running') {
    if (details.health === 'healthy') return `${name} is running and healthy.${restarts}`;
    if (details.health === 'starting') return `${name} is running; its health check has not passed yet.${restarts}`;
    if (details.health === 'unhealthy') {
      const said = details.lastHealthOutput
        ? ` The last health check said: ${asSentence(speakable(details.lastHealthOutput, 100))}`
        : '';
      return `${name} is running but unhealthy.${said}${restarts}`.trim();
    }
    return `${name} is running.${restarts}`;
  }
  if (details.state === 'exited') {
    const exited = parseExited(details.status);
    const code = exited?.code ?? details.exitCode;
    const codePart = code === null || code === undefined ? 'it exited' : `it exited with code ${code}`;
    const ago = exited?.ago ? `, ${exited.ago}` : '';
    return `${name} is not running: ${codePart}${ago}.${restarts}`;
  }
  if (details.state === 'restarting') return `${name} keeps restarting.${restarts}`;
  return `${name} is not running: it is ${details.state}.${restarts}`;
}

/** "The last 5 lines of plex-server's log: ... It wrote 2 lines to its error stream." */
export function containerLogsAnswer(logs: ContainerLogs, lines = 5): string {
  const recent = logs.stdout
    .map((line) => speakable(line))
    .filter((line) => line.length > 0)
    .slice(-lines);
  const errors = logs.stderr.filter((line) => line.trim().length > 0);
  const errorPart =
    errors.length === 0
      ? ' Nothing went to its error stream.'
      : ` It wrote ${countOf(errors.length, 'line')} to its error stream, the last one: ${asSentence(speakable(errors[errors.length - 1]!))}`;
  if (recent.length === 0) return `${logs.name} has logged nothing to its output.${errorPart}`;
  const heading =
    recent.length === 1
      ? `The last line of ${logs.name}'s log`
      : `The last ${recent.length} lines of ${logs.name}'s log`;
  const body = recent.map((line) => (/[.!?]$/.test(line) ? line : `${line}.`)).join(' ');
  return `${heading}: ${body}${errorPart}`;
}

const pastTense: Record<ContainerActionResult['action'], string> = {
  restart: 'restarted',
  start: 'started',
  stop: 'stopped',
};

/** "plex-server has been restarted and is running." */
export function containerActionAnswer(result: ContainerActionResult): string {
  return `${result.name} has been ${pastTense[result.action]} and is ${result.state} now.`;
}
