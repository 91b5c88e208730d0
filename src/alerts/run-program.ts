/**
 * Runs one program for a command check: no shell, arguments as a list, a small fixed environment (never
 * sysvox's own, which may hold tokens), its own process group so a timeout kills everything it started,
 * and its output (stdout and stderr together, in arrival order) kept up to a cap and drained beyond it.
 */
import { spawn as nodeSpawn } from 'node:child_process';

export type ProgramResult =
  /** It ended by itself: code, or the signal that ended it. */
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null; output: string }
  | { kind: 'timed-out'; output: string }
  /** It never started: ENOENT (no such program), EACCES (not executable) ... */
  | { kind: 'not-started'; errorCode: string };

export interface RunProgramOptions {
  command: readonly string[];
  timeoutMs: number;
  /** Output kept beyond this many bytes is dropped (the pipe is still drained). Default 64 KB. */
  maxOutputBytes?: number;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  spawn?: typeof nodeSpawn;
}

/** What a check program gets from sysvox's environment: enough to find programs and read the time and language. */
const passedVariables = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'USER', 'LOGNAME'];

export function checkEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(passedVariables.flatMap((key) => (env[key] === undefined ? [] : [[key, env[key]]])));
}

/** How long output may still arrive after the program exited. */
const closeGraceMs = 250;

export function runProgram(options: RunProgramOptions): Promise<ProgramResult> {
  const [program, ...args] = options.command;
  const limit = options.maxOutputBytes ?? 64 * 1024;
  const spawn = options.spawn ?? nodeSpawn;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new Error('the command check was cancelled'));
    const child = spawn(program!, args, {
      shell: false,
      detached: true, // its own process group: killing -pid reaches whatever it started
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? checkEnvironment(),
    });
    const chunks: Buffer[] = [];
    let kept = 0;
    let done = false;
    const keep = (chunk: Buffer) => {
      if (kept >= limit) return;
      chunks.push(chunk.subarray(0, limit - kept));
      kept += Math.min(chunk.length, limit - kept);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const output = () => Buffer.concat(chunks).toString('utf8');

    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    /** `closed`: every process holding its output has ended, so its group has no one left to kill. */
    const finish = (result: ProgramResult | Error, closed = false) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (!closed) killGroup(); // whatever it left running goes with it
      child.stdout?.destroy();
      child.stderr?.destroy();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onAbort = () => finish(new Error('the command check was cancelled'));

    const timer = setTimeout(() => finish({ kind: 'timed-out', output: output() }), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.on('error', (error: NodeJS.ErrnoException) => {
      if (child.pid === undefined) finish({ kind: 'not-started', errorCode: error.code ?? 'UNKNOWN' }, true);
    });
    child.on('exit', (code, signal) => {
      // Something it left in the background may hold its output open: its own result stands after a moment.
      setTimeout(() => finish({ kind: 'exited', code, signal, output: output() }), closeGraceMs).unref();
    });
    child.on('close', (code: number | null, signal: NodeJS.Signals | null) => {
      finish({ kind: 'exited', code, signal, output: output() }, true);
    });
  });
}
