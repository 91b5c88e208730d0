/**
 * Runs the built CLI (`node bin/sysvox.js ...`) the way a person does: a fresh temp folder as the
 * working directory (so no ./sysvox.yaml), SYSVOX_DATA inside it, and the private Docker test engine.
 * Also owns throwaway containers (sysvox-cli-<random>) so restart tests never disturb the fixtures.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const checkout = resolve(import.meta.dirname, '..', '..');
export const testDockerHost = process.env.SYSVOX_TEST_DOCKER_HOST?.trim() || 'unix:///tmp/sysvox-docker/docker.sock';
const bin = join(checkout, 'bin', 'sysvox.js');

/** `npm run build` once per file, serialised across test files with flock so builds never overlap. */
export function buildCli(): void {
  const built = spawnSync('flock', ['/tmp/sysvox-cli-build.lock', 'npm', 'run', 'build'], {
    cwd: checkout,
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (built.status === 0) return;
  const detail = `${built.stdout}${built.stderr}`.slice(-1500);
  // Under CI the build must be clean; in the shared checkout another engineer's half-written file may
  // fail type checking while tsc still emits every file, so the CLI can still be tested.
  if (process.env.CI === 'true' || !existsSync(join(checkout, 'dist', 'src', 'cli', 'main.js')))
    throw new Error(`npm run build failed:\n${detail}`);
  console.warn(`npm run build reported errors (tsc still emitted the CLI):\n${detail}`);
}

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

export interface CliWorkspace {
  folder: string;
  env: NodeJS.ProcessEnv;
  run(args: string[], options?: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number }): Promise<CliResult>;
  remove(): void;
}

/** A temp working directory and data dir; Ollama points at a closed port so "down" is certain. */
export function createWorkspace(): CliWorkspace {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-cli-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SYSVOX_DATA: join(folder, 'data'),
    DOCKER_HOST: testDockerHost,
    SYSVOX_OLLAMA_HOST: 'http://127.0.0.1:9',
  };
  delete env.SYSVOX_CONFIG;
  return {
    folder,
    env,
    run: (args, options = {}) =>
      runCli(args, {
        cwd: folder,
        env: { ...env, ...options.env },
        input: options.input,
        timeoutMs: options.timeoutMs,
      }),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

function runCli(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number },
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolvePromise({ stdout, stderr, exitCode });
    });
    child.stdin.end(options.input ?? '');
  });
}

function docker(args: string[]): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: testDockerHost },
  }).trim();
}

/** A running busybox container owned by one test; remove it with removeContainer. */
export function createOwnedContainer(): string {
  const name = `sysvox-cli-${Math.random().toString(36).slice(2, 8)}`;
  // Exits promptly on SIGTERM, so a restart takes about a second instead of Docker's 10 s kill timeout.
  docker([
    'run',
    '-d',
    '--name',
    name,
    'busybox:sysvox',
    'sh',
    '-c',
    "trap 'exit 0' TERM; while true; do sleep 1; done",
  ]);
  return name;
}

export function removeContainer(name: string): void {
  spawnSync('docker', ['rm', '-f', name], { env: { ...process.env, DOCKER_HOST: testDockerHost } });
}

export function containerStartedAt(name: string): string {
  return docker(['inspect', '-f', '{{.State.StartedAt}}', name]);
}

/** The approval id the CLI prints after a confirm action: "(approval <id>: ...)". */
export function approvalIdIn(output: string): string {
  const match = /approval ([a-z0-9]+):/.exec(output);
  if (!match?.[1]) throw new Error(`no approval id in: ${output}`);
  return match[1];
}

/**
 * Drives `sysvox chat` as a person at a terminal: each line is typed after the next "you> " prompt.
 * Resolves with everything the session printed.
 */
export function chatSession(workspace: CliWorkspace, lines: string[], timeoutMs = 40_000): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, 'chat'], {
      cwd: workspace.folder,
      env: workspace.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let typed = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const prompts = stdout.split('you> ').length - 1;
      while (typed < prompts && typed < lines.length) child.stdin.write(`${lines[typed++]}\n`);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolvePromise({ stdout, stderr, exitCode });
    });
  });
}
