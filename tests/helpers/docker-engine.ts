/**
 * Finds the private Docker test engine (scripts/docker-test-engine.sh start) for the tests.
 * SYSVOX_TEST_DOCKER_HOST wins; else the default private socket. When no engine answers the tests
 * skip with the reason, except under CI=true, where a missing engine is a failure.
 */
import fs from 'node:fs';
import http from 'node:http';
import { describe } from 'vitest';

const defaultTestDockerHost = 'unix:///tmp/sysvox-docker/docker.sock';

export function testDockerHost(env: NodeJS.ProcessEnv = process.env): string {
  return env.SYSVOX_TEST_DOCKER_HOST?.trim() || defaultTestDockerHost;
}

/** The environment a DockerClient should get in tests: DOCKER_HOST pointing at the test engine. */
export function testDockerEnv(): NodeJS.ProcessEnv {
  return { DOCKER_HOST: testDockerHost() };
}

/** Pings the engine (GET /_ping) over its unix socket; resolves to a reason when it does not answer. */
async function dockerEngineProblem(host = testDockerHost()): Promise<string | undefined> {
  if (!host.startsWith('unix://')) return undefined;
  const socketPath = host.slice('unix://'.length);
  if (!fs.existsSync(socketPath))
    return `no Docker test engine at ${socketPath}; run scripts/docker-test-engine.sh start`;
  return new Promise((resolve) => {
    const request = http.get({ socketPath, path: '/_ping', timeout: 3000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200 ? undefined : `Docker test engine answered ${response.statusCode}`);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) =>
      resolve(
        `Docker test engine at ${socketPath} does not answer (${error.message}); run scripts/docker-test-engine.sh start`,
      ),
    );
  });
}

/** Why the Docker test engine cannot be used in this run, or undefined when it answers. */
export const dockerTestEngineProblem = await dockerEngineProblem();
const problem = dockerTestEngineProblem;

/** describe() that runs only against a live test engine; under CI=true a missing engine fails. */
export function describeDocker(name: string, body: () => void): void {
  if (!problem) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(`${problem} (CI=true: the Docker engine is required)`);
    });
    return;
  }
  describe.skip(`${name} [skipped: ${problem}]`, body);
}

/** Polls until check() returns a value, or fails after timeoutMs with the last value seen. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
