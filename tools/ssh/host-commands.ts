/**
 * The HostCommands implementation (src/toolkit/host-commands.ts): 'local' runs the program here with
 * shell: false, any other host runs over the pooled ssh2 connection with every argument single-quoted.
 * On both paths the argv is checked against the built-in allowlist first, and the output is bounded
 * and redacted before any tool sees it.
 */
import type { HostConfig } from '../../src/config/hosts-schema.js';
import { silentLogger, type Logger } from '../../src/log.js';
import { localHost } from '../../src/toolkit/host-input.js';
import {
  HostCommandError,
  type HostCommandOptions,
  type HostCommandResult,
  type HostCommands,
} from '../../src/toolkit/host-commands.js';
import { redactSecrets } from '../../src/toolkit/redact.js';
import { checkHostCommand } from './command-allowlist.js';
import { createConnectionPool, type ConnectionPool, type ConnectionPoolOptions } from './connection-pool.js';
import { runLocal } from './local-exec.js';

export const defaultCommandTimeoutMs = 10_000;
export const defaultCommandMaxBytes = 256 * 1024;

export interface CreateHostCommandsOptions extends Omit<ConnectionPoolOptions, 'hosts' | 'log'> {
  hosts: readonly HostConfig[];
  log?: Logger;
  /** A pool to share (the Docker-over-SSH agent uses the same connections); made from `hosts` when absent. */
  pool?: ConnectionPool;
  /** Environment of local commands (tests point DOCKER_HOST at a private engine). */
  env?: NodeJS.ProcessEnv;
}

export type PooledHostCommands = HostCommands & { pool: ConnectionPool; close(): void };

export function createHostCommands(options: CreateHostCommandsOptions): PooledHostCommands {
  const log = options.log ?? silentLogger;
  const pool = options.pool ?? createConnectionPool({ ...options, log, hosts: options.hosts });
  const names = [localHost, ...options.hosts.map((host) => host.name)];
  return {
    pool,
    hosts: () => names,
    async run(host, argv, runOptions: HostCommandOptions = {}) {
      const check = checkHostCommand(argv);
      if (!check.ok) {
        log.warn('host command refused', { host, program: argv[0]?.slice(0, 40) });
        throw new HostCommandError({ kind: 'refused', host, message: `I won't run that on ${host}: ${check.reason}.` });
      }
      const timeoutMs = runOptions.timeoutMs ?? defaultCommandTimeoutMs;
      const maxBytes = runOptions.maxBytes ?? defaultCommandMaxBytes;
      const raw =
        host === localHost
          ? await runLocal(argv, { timeoutMs, maxBytes, signal: runOptions.signal, env: options.env })
          : await pool.exec(host, argv, {
              timeoutMs,
              maxBytes,
              signal: runOptions.signal,
            });
      if (host !== localHost && raw.exitCode === 127) throw notInstalled(host, argv[0]!);
      return redacted(raw);
    },
    close: () => pool.close(),
  };
}

/** HostCommands for this machine only (tests of the tool areas, and a sysvox with no hosts configured). */
export function createLocalHostCommands(options: { env?: NodeJS.ProcessEnv; log?: Logger } = {}): PooledHostCommands {
  return createHostCommands({ hosts: [], ...options });
}

function notInstalled(host: string, program: string): HostCommandError {
  return new HostCommandError({
    kind: 'not-installed',
    host,
    program,
    message: `${program} is not installed on ${host}.`,
  });
}

function redacted(result: HostCommandResult): HostCommandResult {
  return { ...result, stdout: redactSecrets(result.stdout), stderr: redactSecrets(result.stderr) };
}
