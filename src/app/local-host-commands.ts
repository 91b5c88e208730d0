/**
 * The HostCommands the app runs with until the SSH host registry lands: this machine only ('local').
 * THE one place that picks it: src/app/main.ts passes `createLocalHostCommands()` to createAreas; the
 * lead swaps in the SSH implementation from tools/ssh here (it runs local commands the same way).
 *
 * Each command is an argv list run without a shell (spawn, shell: false), with a small fixed environment
 * (never sysvox's own, which may hold tokens), the C locale so output parses the same everywhere, a
 * timeout, and output kept up to a cap. A missing program (ENOENT, or exit 127 from a wrapper) is a
 * 'not-installed' failure; a program outside the allowed list is 'refused' and never starts.
 */
import { spawn as nodeSpawn } from 'node:child_process';
import { HostCommandError, spokenHost } from '../toolkit/host-command-error.js';
import type { HostCommandOptions, HostCommandResult, HostCommands } from '../toolkit/host-commands.js';
import { localHost } from '../toolkit/host-input.js';

export interface LocalHostCommandsOptions {
  /** Programs that may run (by name, found on PATH); default the ones the services and storage areas use. */
  programs?: readonly string[];
  /** PATH for the programs; default this process's PATH. */
  path?: string;
  spawn?: typeof nodeSpawn;
}

/** What the services and storage areas run (tools/services/client.ts, tools/storage/client.ts). */
export const areaPrograms = ['systemctl', 'journalctl', 'smartctl', 'zpool', 'cat'] as const;

const defaultTimeoutMs = 10_000;
const defaultMaxBytes = 256 * 1024;
const maxStderrBytes = 16 * 1024;

function environment(path: string | undefined): NodeJS.ProcessEnv {
  return {
    PATH: path ?? process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    SYSTEMD_COLORS: '0',
    SYSTEMD_PAGER: 'cat',
    SYSTEMD_URLIFY: '0',
  };
}

function refusal(argv: readonly string[], programs: ReadonlySet<string>): string | null {
  const [program] = argv;
  if (program === undefined || !programs.has(program))
    return `${String(program ?? 'an empty command').slice(0, 40)} is not a program I may run.`;
  if (argv.some((argument) => /[\u0000\n\r]/.test(argument))) return 'That command has a line break or NUL in it.';
  if (program === 'cat' && (argv.length !== 2 || !/^\/proc\/[a-z]+$/.test(argv[1]!)))
    return 'I only read files under /proc that way.';
  return null;
}

export function createLocalHostCommands(options: LocalHostCommandsOptions = {}): HostCommands {
  const programs = new Set(options.programs ?? areaPrograms);
  const spawn = options.spawn ?? nodeSpawn;
  return {
    hosts: () => [localHost],
    run(host, argv, runOptions = {}) {
      if (host !== localHost) {
        const message = `I only know this machine so far; ${host.slice(0, 63)} is not connected yet.`;
        return Promise.reject(new HostCommandError({ kind: 'unknown-host', host, message }));
      }
      const refused = refusal(argv, programs);
      if (refused) return Promise.reject(new HostCommandError({ kind: 'refused', host, message: refused }));
      return runLocal(spawn, argv, { ...runOptions, env: environment(options.path) });
    },
  };
}

/** Keeps a stream's bytes up to `limit`; `over` is called once when more arrive. */
function collector(limit: number, over: () => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  return {
    add(chunk: Buffer) {
      if (size < limit) chunks.push(chunk.subarray(0, limit - size));
      size += chunk.length;
      if (size > limit && !cut) {
        cut = true;
        over();
      }
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
    cut: () => cut,
  };
}

function timeoutFailure(program: string, limitMs: number): HostCommandError {
  const limit = limitMs < 1000 ? `${limitMs} milliseconds` : `${Math.round(limitMs / 1000)} seconds`;
  const message = `${program} on ${spokenHost(localHost)} took longer than ${limit} and was stopped.`;
  return new HostCommandError({ kind: 'timeout', host: localHost, message });
}

function runLocal(
  spawn: typeof nodeSpawn,
  argv: readonly string[],
  options: HostCommandOptions & { env: NodeJS.ProcessEnv },
): Promise<HostCommandResult> {
  const [program, ...args] = argv as [string, ...string[]];
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { shell: false, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = () => child.kill('SIGKILL');
    const stdout = collector(options.maxBytes ?? defaultMaxBytes, stop);
    const stderr = collector(maxStderrBytes, () => {});
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    options.signal?.addEventListener('abort', stop, { once: true });
    child.stdout!.on('data', stdout.add);
    child.stderr!.on('data', stderr.add);
    const finish = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish();
      reject(startFailure(program, error));
    });
    child.on('close', (code) => {
      finish();
      if (code === 127) return reject(startFailure(program, Object.assign(new Error('exit 127'), { code: 'ENOENT' })));
      if (timedOut) return reject(timeoutFailure(program, timeoutMs));
      resolve({ stdout: stdout.text(), stderr: stderr.text(), exitCode: code, truncated: stdout.cut() });
    });
  });
}

function startFailure(program: string, error: NodeJS.ErrnoException): HostCommandError {
  if (error.code === 'ENOENT')
    return new HostCommandError(
      {
        kind: 'not-installed',
        host: localHost,
        program,
        message: `${program} is not installed on ${spokenHost(localHost)}.`,
      },
      { cause: error },
    );
  const message = `I could not start ${program} on ${spokenHost(localHost)} (${error.code ?? 'unknown error'}).`;
  return new HostCommandError({ kind: 'refused', host: localHost, message }, { cause: error });
}
