/**
 * Docker unreachable: each failure gives a sentence a person can act on. These run without an
 * engine: a missing socket, a socket file the user may not open, and a socket nobody listens on.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { createDockerClient } from '../../tools/docker/client.js';
import { createDockerTools } from '../../tools/docker/docker-tools.js';

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sysvox-docker-unreachable-'));
const fixture = path.join(import.meta.dirname, 'fixtures', 'list-containers.ts');

async function failureOf(promise: Promise<unknown>): Promise<ToolError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolError);
  return error as ToolError;
}

describe('Docker unreachable', () => {
  let server: net.Server;
  const lockedSocket = path.join(directory, 'locked.sock');

  beforeAll(async () => {
    fs.chmodSync(directory, 0o755);
    server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(lockedSocket, resolve));
    fs.chmodSync(lockedSocket, 0o600);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('says the socket does not exist and asks whether the engine runs', async () => {
    const client = createDockerClient({ socketPath: '/nonexistent/docker.sock', env: {}, log: silentLogger });
    const error = await failureOf(client.listContainers());
    expect(error.message).toBe(
      "I can't reach Docker: /nonexistent/docker.sock does not exist; is the Docker engine running?",
    );
    expect(error.tool).toBe('docker_list_containers');
  });

  it('honours DOCKER_HOST over the configured socket', async () => {
    const missing = path.join(directory, 'missing.sock');
    const client = createDockerClient({
      socketPath: '/var/run/docker.sock',
      env: { DOCKER_HOST: `unix://${missing}` },
      log: silentLogger,
    });
    const tools = createDockerTools(client, { logLines: 10, logBytes: 1000 });
    const problems = tools.find((tool) => tool.name === 'docker_problem_containers')!;
    const error = await failureOf(
      problems.execute(
        {},
        { signal: AbortSignal.timeout(5000), log: silentLogger, clock: () => new Date(), host: 'local' },
      ),
    );
    expect(error.message).toContain(`${missing} does not exist`);
    expect((await client.probe()).status).toBe('fail');
  });

  it('says nothing answers when the socket is stale', async () => {
    const stale = path.join(directory, 'stale.sock');
    const staleServer = net.createServer();
    await new Promise<void>((resolve) => staleServer.listen(stale, resolve));
    // Closing a unix server normally unlinks the file; keep a copy of the path alive by hard-linking.
    fs.linkSync(stale, `${stale}.kept`);
    await new Promise((resolve) => staleServer.close(resolve));
    const client = createDockerClient({ env: { DOCKER_HOST: `unix://${stale}.kept` }, log: silentLogger });
    const error = await failureOf(client.listContainers());
    expect(error.message).toBe(`I can't reach Docker: nothing answers on ${stale}.kept; is the Docker engine running?`);
  });

  it('tells a user without permission to join the docker group', () => {
    const nobody = 65534;
    const result = spawnSync(process.execPath, ['--import', 'tsx', fixture], {
      env: { PATH: process.env.PATH, DOCKER_HOST: `unix://${lockedSocket}`, HOME: directory },
      uid: os.userInfo().uid === 0 ? nobody : undefined,
      encoding: 'utf8',
      timeout: 20_000,
      cwd: path.resolve(import.meta.dirname, '..', '..'),
    });
    const user = os.userInfo().uid === 0 ? 'nobody' : os.userInfo().username;
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(
      `I can't reach Docker: ${lockedSocket} is not readable by user ${user}; add it to the docker group`,
    );
  });
});
