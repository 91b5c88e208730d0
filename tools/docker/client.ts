/**
 * The only side-effecting code of the Docker area: dockerode on the configured socket, or on
 * DOCKER_HOST when it is set (unix:// or tcp://), as every Docker tool does.
 */
import fs from 'node:fs';
import type Docker from 'dockerode';
import type { Logger } from '../../src/log.js';
import type { EngineProbe } from '../../src/probe.js';
import {
  ambiguousContainerError,
  type DockerEndpoint,
  isConnectionError,
  noSuchContainerError,
  statusCodeOf,
  unreachableError,
} from './docker-errors.js';
import { type ContainerCondition, type ContainerEvent, parseEvents, toCondition } from './container-condition.js';
import { isProblem, toDetails, toStats, toSummary } from './container-mappers.js';
import { boundLogs, demultiplexLogs } from './log-demux.js';
import { matchContainerName } from './name-match.js';
import type {
  ContainerAction,
  ContainerActionResult,
  ContainerDetails,
  ContainerLogs,
  ContainerStats,
  ContainerSummary,
  LogStream,
} from './types.js';
import { describeError, ToolError } from '../../src/errors.js';

export interface DockerClient {
  listContainers(options?: { all?: boolean }): Promise<ContainerSummary[]>;
  problemContainers(): Promise<ContainerSummary[]>;
  /** Names of every container, cached for about 5 s (router and STT vocabulary). */
  listContainerNames(): Promise<string[]>;
  /** Turns a loose name into the exact one; throws a speakable ToolError when none or ambiguous. */
  resolveName(query: string, tool?: string): Promise<string>;
  inspect(name: string): Promise<ContainerDetails>;
  logs(name: string, options: { lines: number; bytes: number; stream?: LogStream }): Promise<ContainerLogs>;
  stats(name?: string): Promise<ContainerStats[]>;
  act(name: string, action: ContainerAction): Promise<ContainerActionResult>;
  /** Every container as the alert checks read it (one inspect each); one removed meanwhile is left out. */
  containerConditions(): Promise<ContainerCondition[]>;
  /**
   * The start, kill, die and stop events the engine still holds for one container between two times, oldest
   * first. The engine keeps only its last 256 events of every kind, so older ones are simply not there.
   */
  containerEvents(id: string, window: { since: Date; until: Date }): Promise<ContainerEvent[]>;
  probe(): Promise<EngineProbe>;
}

export interface DockerClientOptions {
  /** Used when DOCKER_HOST is not set; default /var/run/docker.sock. */
  socketPath?: string;
  env?: NodeJS.ProcessEnv;
  log: Logger;
  /** Seconds Docker waits for a container to stop before killing it. */
  stopTimeoutSeconds?: number;
  requestTimeoutMs?: number;
  namesCacheMs?: number;
  clock?: () => number;
  /** Another host's engine through this HTTP agent (tools/ssh/docker-over-ssh.ts); `describe` names it in messages. */
  remote?: { agent: import('node:http').Agent; describe: string };
}

function endpointFor(env: NodeJS.ProcessEnv, socketPath: string): DockerEndpoint & { options: Docker.DockerOptions } {
  const host = env.DOCKER_HOST?.trim();
  if (host && host.startsWith('tcp://')) {
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    return {
      describe: host,
      isSocket: false,
      options: { host: url.hostname, port: Number(url.port || 2375), protocol: 'http' },
    };
  }
  const path = host && host.startsWith('unix://') ? host.slice('unix://'.length) : socketPath;
  return { describe: path, isSocket: true, options: { socketPath: path } };
}

export function createDockerClient(options: DockerClientOptions): DockerClient {
  const env = options.env ?? process.env;
  const endpoint = options.remote
    ? {
        describe: options.remote.describe,
        isSocket: false,
        options: { host: 'docker', port: 2375, protocol: 'http' as const, agent: options.remote.agent },
      }
    : endpointFor(env, options.socketPath ?? '/var/run/docker.sock');
  let loaded: Promise<Docker> | undefined;
  /** dockerode (with ssh2 under it) loads on the first Docker call: a service that never asks does not hold it. */
  const client = () =>
    (loaded ??= import('dockerode').then(
      ({ default: Dockerode }) => new Dockerode({ ...endpoint.options, timeout: options.requestTimeoutMs ?? 15_000 }),
    ));
  const log = options.log.child('docker');
  const clock = options.clock ?? Date.now;
  const stopTimeout = options.stopTimeoutSeconds ?? 10;
  let namesCache: { at: number; names: string[] } | undefined;

  /** Runs one Docker call; connection failures become the speakable "I can't reach Docker" error. */
  async function call<T>(tool: string, work: (docker: Docker) => Promise<T>): Promise<T> {
    if (endpoint.isSocket) checkSocket(tool, endpoint);
    const connected = await client();
    try {
      return await work(connected);
    } catch (error) {
      if (isConnectionError(error)) {
        log.warn('docker unreachable', { endpoint: endpoint.describe, code: (error as { code?: string }).code });
        throw unreachableError(tool, endpoint, error);
      }
      throw error;
    }
  }

  async function listContainers(listOptions: { all?: boolean } = {}): Promise<ContainerSummary[]> {
    const all = listOptions.all ?? true;
    const infos = await call('docker_list_containers', (docker) => docker.listContainers({ all }));
    const summaries = infos.map(toSummary).sort((left, right) => left.name.localeCompare(right.name));
    // Only a full list may refresh the names: a running-only one would hide stopped containers from
    // the router and STT vocabulary ("start job-exited") until the cache ages out.
    if (all) namesCache = { at: clock(), names: summaries.map((summary) => summary.name) };
    return summaries;
  }

  async function listContainerNames(): Promise<string[]> {
    if (namesCache && clock() - namesCache.at < (options.namesCacheMs ?? 5000)) return namesCache.names;
    return (await listContainers({ all: true })).map((summary) => summary.name);
  }

  async function resolveName(query: string, tool = 'docker'): Promise<string> {
    let names = await listContainerNames();
    let match = matchContainerName(query, names);
    if ('none' in match) {
      // The cached list may predate the container: look once more with a fresh list.
      namesCache = undefined;
      names = await listContainerNames();
      match = matchContainerName(query, names);
    }
    if ('name' in match) return match.name;
    if ('ambiguous' in match) throw ambiguousContainerError(tool, query, match.ambiguous);
    throw noSuchContainerError(tool, query, names);
  }

  /** A 404 between resolve and use (the container was removed) reads like "no such container". */
  async function onContainer<T>(
    tool: string,
    name: string,
    work: (container: Docker.Container) => Promise<T>,
  ): Promise<T> {
    try {
      return await call(tool, (docker) => work(docker.getContainer(name)));
    } catch (error) {
      if (statusCodeOf(error) === 404) {
        namesCache = undefined;
        throw noSuchContainerError(tool, name, await listContainerNames());
      }
      throw error;
    }
  }

  async function logs(
    name: string,
    logOptions: { lines: number; bytes: number; stream?: LogStream },
  ): Promise<ContainerLogs> {
    const stream = logOptions.stream ?? 'both';
    return onContainer('docker_logs', name, async (container) => {
      const info = await container.inspect();
      const raw = (await container.logs({
        follow: false,
        stdout: stream !== 'stderr',
        stderr: stream !== 'stdout',
        tail: logOptions.lines,
        timestamps: false,
      })) as unknown as Buffer;
      const split = demultiplexLogs(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)), info.Config.Tty);
      const bounded = boundLogs(split, logOptions.bytes);
      return { name, stdout: bounded.stdout, stderr: bounded.stderr, truncated: bounded.truncated };
    });
  }

  async function statsOf(name: string): Promise<ContainerStats | null> {
    return onContainer('docker_stats', name, async (container) =>
      toStats(name, (await container.stats({ stream: false })) as Docker.ContainerStats),
    );
  }

  /** One container's figures, or every running one's; a container that stops or goes meanwhile is left out. */
  async function stats(name?: string): Promise<ContainerStats[]> {
    if (name) {
      const one = await statsOf(name);
      if (!one) throw new ToolError('docker_stats', `${name} is not running, so it has no CPU or memory figures.`);
      return [one];
    }
    const names = (await listContainers({ all: false })).map((summary) => summary.name);
    const settled = await Promise.allSettled(names.map(statsOf));
    return settled.flatMap((result) => (result.status === 'fulfilled' && result.value ? [result.value] : []));
  }

  async function act(name: string, action: ContainerAction): Promise<ContainerActionResult> {
    const tool = `docker_${action}`;
    return onContainer(tool, name, async (container) => {
      try {
        if (action === 'start') await container.start();
        else if (action === 'stop') await container.stop({ t: stopTimeout });
        else await container.restart({ t: stopTimeout });
      } catch (error) {
        if (statusCodeOf(error) !== 304) throw error; // 304: already started / already stopped
      }
      log.info('container action', { action, container: name });
      const after = await container.inspect();
      return { name, action, state: after.State.Status as ContainerActionResult['state'] };
    });
  }

  async function containerConditions(): Promise<ContainerCondition[]> {
    const infos = await call('docker_list_containers', (docker) => docker.listContainers({ all: true }));
    const inspected = await Promise.all(
      infos.map((info) =>
        call('docker_inspect', (docker) => docker.getContainer(info.Id).inspect()).catch((error: unknown) => {
          if (statusCodeOf(error) === 404) return null;
          throw error;
        }),
      ),
    );
    return inspected.flatMap((inspect) => (inspect ? [toCondition(inspect)] : []));
  }

  async function containerEvents(id: string, window: { since: Date; until: Date }): Promise<ContainerEvent[]> {
    const stream = await call('docker_events', (docker) =>
      docker.getEvents({
        since: Math.floor(window.since.getTime() / 1000),
        // An `until` in the past makes the engine send what it holds and close, rather than stream.
        until: Math.ceil(window.until.getTime() / 1000),
        filters: { type: ['container'], container: [id], event: ['start', 'kill', 'die', 'stop'] },
      }),
    );
    return parseEvents(await readAll(stream, maxEventBytes));
  }

  async function probe(): Promise<EngineProbe> {
    try {
      const version = await call('docker', (docker) => docker.version());
      return { name: 'docker', status: 'ok', detail: `Docker ${version.Version} on ${endpoint.describe}` };
    } catch (error) {
      return {
        name: 'docker',
        status: 'fail',
        detail: describeError(error),
        fix: 'start the Docker engine or set docker.socketPath / DOCKER_HOST',
      };
    }
  }

  return {
    listContainers,
    problemContainers: async () => (await listContainers({ all: true })).filter(isProblem),
    listContainerNames,
    resolveName,
    inspect: (name) => onContainer('docker_inspect', name, async (container) => toDetails(await container.inspect())),
    logs,
    stats,
    act,
    containerConditions,
    containerEvents,
    probe,
  };
}

/** More than any one container's events in the engine's 256-event memory. */
const maxEventBytes = 1_000_000;

/** The whole body of a stream that ends by itself, cut off at `limit` bytes. */
async function readAll(stream: NodeJS.ReadableStream, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    chunks.push(buffer);
    size += buffer.length;
    if (size >= limit) break; // leaving the loop destroys the stream
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers before connecting, so a missing or unreadable socket gets its own clear sentence. */
function checkSocket(tool: string, endpoint: DockerEndpoint): void {
  try {
    fs.accessSync(endpoint.describe, fs.constants.R_OK | fs.constants.W_OK);
  } catch (error) {
    throw unreachableError(tool, endpoint, error);
  }
}
