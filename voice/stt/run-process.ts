import { spawn as nodeSpawn } from 'node:child_process';

/** The subset of child_process.spawn the engines use; tests may pass a stand-in. */
export type SpawnFunction = typeof nodeSpawn;

export interface ProcessResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

export interface RunProcessOptions {
  spawn?: SpawnFunction;
  input?: string | Buffer;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Runs a command to completion and collects its output. Rejects when it cannot start (ENOENT). */
export function runProcess(binary: string, args: string[], options: RunProcessOptions = {}): Promise<ProcessResult> {
  const spawn = options.spawn ?? nodeSpawn;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode,
      });
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}
