/**
 * The Docker tools the router and the brain call. Reading tools are `safe`; restart, start and stop
 * are `confirm`. Every tool that takes a name resolves it loosely ("plex" -> "plex-server") before
 * policy sees it, so an approval binds to the exact container.
 */
import { z } from 'zod';
import { defineTool, type AnyTool, type ToolContext } from '../../src/toolkit/tool.js';
import type { DockerClient } from './client.js';
import { speakableName } from './docker-errors.js';
import {
  containerActionResult,
  containerDetails,
  containerLogs,
  containerStats,
  containerSummary,
  type ContainerAction,
} from './types.js';

export interface DockerToolOptions {
  /** Default number of log lines (config docker.logLines). */
  logLines: number;
  /** Most bytes of log text returned (config docker.logBytes). */
  logBytes: number;
}

const nameInput = z.object({
  name: z.string().min(1).max(256).describe('Container name; a loose or spoken form is fine'),
});

/** One Docker client for every call, or one per host (this machine's, and each SSH host's over its connection). */
export type DockerClients = DockerClient | ((host: string) => DockerClient);

type ClientOf = (context: ToolContext) => DockerClient;

function clientOfContext(clients: DockerClients): ClientOf {
  return typeof clients === 'function' ? (context) => clients(context.host) : () => clients;
}

function withResolve<I extends { name: string }>(clientOf: ClientOf, tool: string) {
  return async (input: I, context: ToolContext): Promise<I> => ({
    ...input,
    name: await clientOf(context).resolveName(input.name, tool),
  });
}

function actionTool(clientOf: ClientOf, action: ContainerAction) {
  const name = `docker_${action}`;
  return defineTool({
    name,
    description: `${action[0]!.toUpperCase()}${action.slice(1)} a Docker container by name. Needs the user's approval.`,
    risk: 'confirm',
    input: nameInput,
    describeCall: (input) => `${action} container '${speakableName(input.name)}'`,
    confirmTarget: (input) => speakableName(input.name).replace(/[-_.]+/g, ' '),
    resolve: withResolve(clientOf, name),
    execute: (input, context) => clientOf(context).act(input.name, action),
    output: containerActionResult,
  });
}

/** The Docker tools by role, each with its output schema (the Docker area's answers read them). */
export type DockerTools = ReturnType<typeof dockerTools>;

export function dockerTools(clients: DockerClients, options: DockerToolOptions) {
  const clientOf = clientOfContext(clients);
  const maxLines = 500;
  const containerList = z.array(containerSummary);
  return {
    listContainers: defineTool({
      name: 'docker_list_containers',
      description: 'List Docker containers with their state and health.',
      risk: 'safe',
      input: z.object({ all: z.boolean().default(true).describe('Include stopped containers') }),
      describeCall: () => 'list containers',
      execute: (input, context) => clientOf(context).listContainers({ all: input.all }),
      output: containerList,
    }),
    problemContainers: defineTool({
      name: 'docker_problem_containers',
      description: 'List containers that need attention: unhealthy, restarting, dead, or exited with an error.',
      risk: 'safe',
      input: z.object({}),
      describeCall: () => 'list problem containers',
      execute: (_input, context) => clientOf(context).problemContainers(),
      output: containerList,
    }),
    inspect: defineTool({
      name: 'docker_inspect',
      description: 'Summary of one container: image, ports, restart count, last health-check output.',
      risk: 'safe',
      input: nameInput,
      describeCall: (input) => `inspect container '${speakableName(input.name)}'`,
      resolve: withResolve(clientOf, 'docker_inspect'),
      execute: (input, context) => clientOf(context).inspect(input.name),
      output: containerDetails,
    }),
    logs: defineTool({
      name: 'docker_logs',
      description: 'The last lines of a container log, stdout and stderr separated.',
      risk: 'safe',
      input: nameInput.extend({
        lines: z.number().int().min(1).max(maxLines).default(Math.min(options.logLines, maxLines)),
        stream: z.enum(['both', 'stdout', 'stderr']).default('both'),
      }),
      describeCall: (input) => `read the logs of container '${speakableName(input.name)}'`,
      resolve: withResolve(clientOf, 'docker_logs'),
      execute: (input, context) =>
        clientOf(context).logs(input.name, { lines: input.lines, bytes: options.logBytes, stream: input.stream }),
      output: containerLogs,
    }),
    stats: defineTool({
      name: 'docker_stats',
      description: 'CPU and memory use of one container, or of every running container when no name is given.',
      risk: 'safe',
      input: z.object({ name: z.string().min(1).max(256).optional() }),
      describeCall: (input) =>
        input.name ? `stats of container '${speakableName(input.name)}'` : 'stats of running containers',
      resolve: async (input, context) =>
        input.name ? { ...input, name: await clientOf(context).resolveName(input.name, 'docker_stats') } : input,
      execute: (input, context) => clientOf(context).stats(input.name),
      output: z.array(containerStats),
    }),
    restart: actionTool(clientOf, 'restart'),
    start: actionTool(clientOf, 'start'),
    stop: actionTool(clientOf, 'stop'),
  };
}

export function createDockerTools(clients: DockerClients, options: DockerToolOptions): AnyTool[] {
  return Object.values(dockerTools(clients, options));
}
