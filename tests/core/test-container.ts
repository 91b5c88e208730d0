/**
 * A container owned by one test on the private Docker engine: label sysvox.test=1, network none,
 * a unique name, removed afterwards. Its shell exits on SIGTERM, so a restart takes about a second.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { testDockerHost } from '../helpers/docker-engine.js';

export interface TestContainer {
  name: string;
  startedAt(): string;
  running(): boolean;
  remove(): void;
}

export interface TestContainerOptions {
  prefix: string;
  /** An exact name instead of prefix-<random> (a spoken name must be sayable); an old one is removed first. */
  name?: string;
  env?: Record<string, string>;
  /** Shell lines run before the idle loop (e.g. echo lines for the log). */
  script?: string;
}

function docker(args: string[]): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: testDockerHost() },
    timeout: 30_000,
  }).trim();
}

export function startTestContainer(options: TestContainerOptions): TestContainer {
  const name = options.name ?? `${options.prefix}-${randomUUID().slice(0, 8)}`;
  if (options.name)
    execFileSync('docker', ['rm', '-f', name], {
      env: { ...process.env, DOCKER_HOST: testDockerHost() },
      stdio: 'ignore',
    });
  const environment = Object.entries(options.env ?? {}).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  const script = `${options.script ?? ''}\ntrap 'exit 0' TERM\nwhile true; do sleep 1; done`;
  docker([
    'run',
    '-d',
    '--name',
    name,
    '--label',
    'sysvox.test=1',
    '--network',
    'none',
    ...environment,
    'busybox:sysvox',
    'sh',
    '-c',
    script,
  ]);
  return {
    name,
    startedAt: () => docker(['inspect', '-f', '{{.State.StartedAt}}', name]),
    running: () => docker(['inspect', '-f', '{{.State.Running}}', name]) === 'true',
    remove: () => void docker(['rm', '-f', name]),
  };
}
