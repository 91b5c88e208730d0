/**
 * The Docker area: its tools, its words ({container}, <containers>, the container templates), its
 * answers, and the containers' clause of the overall status.
 */
import type { AlertsConfig } from '../../src/config/alerts-schema.js';
import type { Logger } from '../../src/log.js';
import { answerFrom, readTool } from '../../src/router/answer-kit.js';
import type { AnswerContext, IntentHandler, ToolArea } from '../../src/router/area.js';
import type { DockerClient } from './client.js';
import {
  containerActionAnswer,
  containerLogsAnswer,
  containersStatus,
  containerStatusAnswer,
  listContainersAnswer,
  unhealthyContainersAnswer,
} from './answers.js';
import { createDockerChecks } from './checks.js';
import { containerSlot } from './container-slot.js';
import { dockerTools, type DockerToolOptions, type DockerTools } from './docker-tools.js';
import type { ContainerAction } from './types.js';
import { dockerKeywords } from './keywords.js';
import { dockerTemplates, dockerWordClasses } from './words.js';

export interface DockerAreaOptions extends DockerToolOptions {
  client: DockerClient;
  /** Another host's engine (over SSH) by host name; the tools use `client` for 'local' and this for the rest. */
  remoteClient?: (host: string) => DockerClient;
  /** config.alerts and a logger: its container rules become the area's alert checks (none when absent or off). */
  alerts?: { config: AlertsConfig; log: Logger };
}

/** Log lines read aloud for "logs of X"; more are fetched so the error count has something to count. */
const spokenLogLines = 5;
const fetchedLogLines = 50;

const gerunds: Record<ContainerAction, string> = { restart: 'restarting', stop: 'stopping', start: 'starting' };

function answers(tools: DockerTools): Record<string, IntentHandler> {
  const container = (context: AnswerContext) => context.match.slots.container ?? '';
  /** Restart, stop and start go through policy, which asks for the approval this returns for the core to surface. */
  const act =
    (action: ContainerAction): IntentHandler =>
    (context) => {
      const name = container(context);
      return answerFrom(context, tools[action], { name }, `${gerunds[action]} ${name}`, containerActionAnswer);
    };
  return {
    list_containers: (context) =>
      answerFrom(context, tools.listContainers, { all: true }, 'listing containers', listContainersAnswer),
    unhealthy_containers: (context) =>
      answerFrom(context, tools.listContainers, { all: true }, 'checking the containers', unhealthyContainersAnswer),
    container_status: (context) =>
      answerFrom(
        context,
        tools.inspect,
        { name: container(context) },
        'inspecting the container',
        containerStatusAnswer,
      ),
    container_logs: (context) =>
      answerFrom(
        context,
        tools.logs,
        { name: container(context), lines: fetchedLogLines, stream: 'both' },
        'reading the logs',
        (logs) => containerLogsAnswer(logs, spokenLogLines),
      ),
    container_restart: act('restart'),
    container_stop: act('stop'),
    container_start: act('start'),
  };
}

export function createDockerArea(deps: DockerAreaOptions): ToolArea {
  const remote = deps.remoteClient;
  const clients = remote ? (host: string) => (host === 'local' ? deps.client : remote(host)) : deps.client;
  const tools = dockerTools(clients, { logLines: deps.logLines, logBytes: deps.logBytes });
  return {
    name: 'docker',
    tools: Object.values(tools),
    templates: dockerTemplates,
    wordClasses: dockerWordClasses,
    keywords: dockerKeywords,
    slots: [containerSlot(() => deps.client.listContainerNames())],
    answers: answers(tools),
    /** Without Docker the status says so rather than failing. */
    async status(context) {
      const listed = await readTool(context, tools.listContainers, { all: true }, 'listing containers');
      return containersStatus('value' in listed ? listed.value : null);
    },
    checks: deps.alerts?.config.enabled
      ? createDockerChecks({
          client: deps.client,
          rules: deps.alerts.config.rules,
          intervalMs: deps.alerts.config.evaluateEvery,
          log: deps.alerts.log,
        })
      : [],
  };
}
