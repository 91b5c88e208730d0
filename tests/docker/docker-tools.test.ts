/**
 * The Docker tools against the real private engine (scripts/docker-test-engine.sh start) and its
 * fixtures: web-healthy, db-unhealthy, job-exited, worker-restarting, plex-server.
 */
import Docker from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ToolError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import type { AnyTool, ToolContext } from '../../src/toolkit/tool.js';
import { createDockerClient } from '../../tools/docker/client.js';
import { createDockerTools } from '../../tools/docker/docker-tools.js';
import type { ContainerDetails, ContainerLogs, ContainerStats, ContainerSummary } from '../../tools/docker/types.js';
import { describeDocker, testDockerEnv, testDockerHost, waitFor } from '../helpers/docker-engine.js';

const actionContainer = 'sysvox-test-action-target';
const ttyContainer = 'sysvox-test-tty';
const longName = `sysvox-test-${'very-long-name.'.repeat(12)}end`;
const context: ToolContext = {
  signal: new AbortController().signal,
  log: silentLogger,
  clock: () => new Date(),
  host: 'local',
};

describeDocker('docker tools on the real engine', () => {
  const client = createDockerClient({
    env: testDockerEnv(),
    log: silentLogger,
    stopTimeoutSeconds: 1,
    namesCacheMs: 0,
  });
  const tools = createDockerTools(client, { logLines: 50, logBytes: 120 });
  const docker = new Docker({ socketPath: testDockerHost().replace('unix://', '') });

  /** Runs a tool; its result must match its output schema (what the router reads it through). */
  async function run<O>(name: string, input: unknown): Promise<O> {
    const tool = tools.find((each) => each.name === name) as AnyTool;
    let parsed = tool.input.parse(input);
    if (tool.resolve) parsed = await tool.resolve(parsed, context);
    const result = await tool.execute(parsed, context);
    tool.output!.parse(result);
    return result as O;
  }

  async function createTestContainer(name: string): Promise<void> {
    await docker
      .getContainer(name)
      .remove({ force: true })
      .catch(() => undefined);
    const container = await docker.createContainer({
      name,
      Image: 'busybox:sysvox',
      Labels: { 'sysvox.test': '1' },
      Cmd: ['sh', '-c', 'trap "exit 0" TERM; echo ready; while true; do sleep 0.2; done'],
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
  }

  beforeAll(async () => {
    await createTestContainer(actionContainer);
    await createTestContainer(longName);
    await docker
      .getContainer(ttyContainer)
      .remove({ force: true })
      .catch(() => undefined);
    const tty = await docker.createContainer({
      name: ttyContainer,
      Image: 'busybox:sysvox',
      Tty: true,
      Labels: { 'sysvox.test': '1' },
      Cmd: ['sh', '-c', 'echo "tty says hello"; echo "tty error" >&2'],
      HostConfig: { NetworkMode: 'none' },
    });
    await tty.start();
    await tty.wait();
  });
  afterAll(async () => {
    for (const name of [actionContainer, longName, ttyContainer])
      await docker
        .getContainer(name)
        .remove({ force: true })
        .catch(() => undefined);
  });

  it('lists the fixtures with their state and health', async () => {
    const containers = await run<ContainerSummary[]>('docker_list_containers', {});
    const byName = new Map(containers.map((container) => [container.name, container]));
    expect(byName.get('web-healthy')).toMatchObject({ state: 'running', health: 'healthy', image: 'busybox:sysvox' });
    expect(byName.get('db-unhealthy')).toMatchObject({ state: 'running', health: 'unhealthy' });
    expect(byName.get('job-exited')).toMatchObject({ state: 'exited' });
    expect(byName.get('job-exited')!.status).toMatch(/^Exited \(3\)/);
    expect(byName.get(longName)?.state).toBe('running');
  });

  it('names the problem containers and leaves the healthy ones out', async () => {
    const names = (await run<ContainerSummary[]>('docker_problem_containers', {})).map((container) => container.name);
    expect(names).toEqual(expect.arrayContaining(['db-unhealthy', 'job-exited', 'worker-restarting']));
    expect(names).not.toContain('web-healthy');
    expect(names).not.toContain(actionContainer);
  });

  it('inspects a container with its health output and never its env', async () => {
    const unhealthy = await run<ContainerDetails>('docker_inspect', { name: 'db unhealthy' });
    expect(unhealthy.name).toBe('db-unhealthy');
    expect(unhealthy.lastHealthOutput).toContain('connection refused on port 5432');
    const plex = await run<ContainerDetails>('docker_inspect', { name: 'plex' });
    expect(plex).toMatchObject({ name: 'plex-server', image: 'busybox:sysvox' });
    const text = JSON.stringify(plex);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('correct-horse');
    expect(text).not.toContain('SECRET_TOKEN');
  });

  it('reads logs with stderr separated from stdout', async () => {
    const logs = await run<ContainerLogs>('docker_logs', { name: 'job exited' });
    expect(logs).toEqual({
      name: 'job-exited',
      stdout: ['job: backup started'],
      stderr: ['job: backup failed: disk full'],
      truncated: false,
    });
    const onlyErrors = await run<ContainerLogs>('docker_logs', { name: 'job-exited', stream: 'stderr' });
    expect(onlyErrors.stdout).toEqual([]);
    expect(onlyErrors.stderr).toEqual(['job: backup failed: disk full']);
  });

  it('reads the log of a TTY container as plain text', async () => {
    const logs = await run<ContainerLogs>('docker_logs', { name: ttyContainer });
    expect(logs.stdout).toEqual(['tty says hello', 'tty error']);
    expect(logs.stderr).toEqual([]);
  });

  it('bounds logs by lines and by bytes', async () => {
    await waitFor(async () =>
      (await client.logs('plex-server', { lines: 6, bytes: 10_000 })).stdout.length >= 2 ? true : undefined,
    );
    const byLines = await run<ContainerLogs>('docker_logs', { name: 'plex-server', lines: 3 });
    expect(byLines.stdout.length + byLines.stderr.length).toBeLessThanOrEqual(3);
    const byBytes = await client.logs('plex-server', { lines: 500, bytes: 60 });
    const bytes = [...byBytes.stdout, ...byBytes.stderr].reduce(
      (total, line) => total + Buffer.byteLength(line) + 1,
      0,
    );
    expect(bytes).toBeLessThanOrEqual(60);
    expect(byBytes.truncated).toBe(true);
    expect(byBytes.stdout.every((line) => line.startsWith('plex: '))).toBe(true);
  });

  it('measures CPU and memory of running containers', async () => {
    const all = await run<ContainerStats[]>('docker_stats', {});
    const web = all.find((stats) => stats.name === 'web-healthy');
    expect(web).toBeDefined();
    expect(web!.memoryBytes).toBeGreaterThan(0);
    expect(web!.memoryLimitBytes).toBeGreaterThan(web!.memoryBytes);
    expect(web!.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(all.map((stats) => stats.name)).not.toContain('job-exited');
    const one = await run<ContainerStats[]>('docker_stats', { name: 'web' });
    expect(one.map((stats) => stats.name)).toEqual(['web-healthy']);
  });

  it('stops, starts and restarts a container for real', async () => {
    const inspectState = async () => (await docker.getContainer(actionContainer).inspect()).State;
    const stopped = await run<{ state: string }>('docker_stop', { name: 'sysvox test action target' });
    expect(stopped).toMatchObject({ name: actionContainer, action: 'stop', state: 'exited' });
    expect((await inspectState()).Running).toBe(false);
    const started = await run<{ state: string }>('docker_start', { name: actionContainer });
    expect(started.state).toBe('running');
    const before = (await inspectState()).StartedAt;
    const restarted = await run<{ state: string }>('docker_restart', { name: actionContainer });
    expect(restarted.state).toBe('running');
    expect((await inspectState()).StartedAt).not.toBe(before);
  });

  it('describes confirm calls with the exact resolved name', async () => {
    const restart = tools.find((tool) => tool.name === 'docker_restart')!;
    expect(restart.risk).toBe('confirm');
    const resolved = await restart.resolve!({ name: 'plex' }, context);
    expect(resolved).toEqual({ name: 'plex-server' });
    expect(restart.describeCall(resolved)).toBe("restart container 'plex-server'");
    expect(restart.confirmTarget!(resolved)).toBe('plex server');
  });

  it('says which containers exist when a name matches none, even for a hostile name', async () => {
    const hostile = `nope'"\n; rm -rf / ${'x'.repeat(5000)}`;
    const error = await run('docker_logs', { name: hostile.slice(0, 256) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    const message = (error as ToolError).message;
    expect(message).toMatch(/^There is no container called '.*'\. Containers: .*web-healthy/);
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(2000);
    const ambiguous = await run('docker_inspect', { name: 'sysvox test' }).catch((caught: unknown) => caught);
    expect((ambiguous as ToolError).message).toContain('could mean');
  });

  it('handles a very long container name end to end', async () => {
    const details = await run<ContainerDetails>('docker_inspect', { name: longName });
    expect(details.name).toBe(longName);
    const restart = tools.find((tool) => tool.name === 'docker_restart')!;
    expect(restart.describeCall({ name: longName }).length).toBeLessThan(100);
  });

  it('keeps stopped containers in the vocabulary after a running-only listing', async () => {
    const cached = createDockerClient({ env: testDockerEnv(), log: silentLogger, namesCacheMs: 60_000 });
    expect(await cached.listContainerNames()).toContain('job-exited');
    await cached.listContainers({ all: false });
    await cached.stats();
    expect(await cached.listContainerNames()).toContain('job-exited');
  });

  it('lists container names for the vocabulary', async () => {
    const names = await client.listContainerNames();
    expect(names).toEqual(expect.arrayContaining(['plex-server', 'web-healthy', 'db-unhealthy']));
    expect((await client.probe()).status).toBe('ok');
  });
});
