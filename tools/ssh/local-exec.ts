/**
 * Runs an allowed argv on this machine: spawn with shell: false (no shell reads any argument), output
 * bounded like a remote command's, killed when its time is up. A program that is not installed is
 * ENOENT here and exit 127 over SSH; both become 'not-installed'.
 */
import { spawn } from 'node:child_process';
import { HostCommandError } from '../../src/toolkit/host-commands.js';
import type { ExecResult } from './connection-pool.js';

export interface LocalExecOptions {
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/**
 * Only what the allowed programs need: never sysvox's own environment, which may hold tokens
 * (SYSVOX_TELEGRAM_TOKEN, SYSVOX_DISCORD_TOKEN). The C locale keeps output parseable everywhere.
 */
function minimalEnvironment(from: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: from.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    SYSTEMD_COLORS: '0',
    SYSTEMD_PAGER: 'cat',
    SYSTEMD_URLIFY: '0',
    ...(from.DOCKER_HOST === undefined ? {} : { DOCKER_HOST: from.DOCKER_HOST }),
  };
}

export function runLocal(argv: readonly string[], options: LocalExecOptions): Promise<ExecResult> {
  const [program, ...args] = argv as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: minimalEnvironment(options.env ?? process.env),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let truncated = false;
    let timedOut = false;
    const keep = (into: Buffer[]) => (chunk: Buffer) => {
      const room = options.maxBytes - size;
      if (chunk.length > room) truncated = true;
      if (room <= 0) return;
      const part = chunk.subarray(0, room);
      into.push(part);
      size += part.length;
    };
    const kill = () => {
      timedOut = true;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(kill, options.timeoutMs);
    options.signal?.addEventListener('abort', kill, { once: true });
    child.stdout.on('data', keep(stdout));
    child.stderr.on('data', keep(stderr));
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT')
        reject(
          new HostCommandError({
            kind: 'not-installed',
            host: 'local',
            program,
            message: `${program} is not installed on this server.`,
          }),
        );
      else
        reject(
          new HostCommandError({
            kind: 'refused',
            host: 'local',
            message: `${program} could not be started: ${error.code ?? error.message}.`,
          }),
        );
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', kill);
      if (timedOut) {
        reject(
          new HostCommandError({
            kind: 'timeout',
            host: 'local',
            message: `${program} took longer than ${Math.round(options.timeoutMs / 100) / 10} seconds on this machine and was stopped.`,
          }),
        );
        return;
      }
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode: code,
        truncated,
      });
    });
  });
}
