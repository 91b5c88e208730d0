import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { createBackoff } from '../../src/backoff.js';
import { describeError, EngineError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { SpawnFunction } from './run-process.js';

export interface WhisperProcessOptions {
  binaryPath: string;
  args: string[];
  healthUrl: string;
  log: Logger;
  spawn?: SpawnFunction;
  fetch?: typeof fetch;
  startTimeoutMs?: number;
  /** Backoff before restart n: min(maxBackoffMs, initialBackoffMs * 2^n); it resets after maxBackoffMs of healthy running. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Called each time the server died and a restart is scheduled (the metrics count these). */
  onRestart?: () => void;
}

const modelLoadLine = /loading model from/;

/**
 * A supervised whisper.cpp server: started once, health-checked until it answers, restarted with
 * exponential backoff when it dies (the backoff resets after a healthy run longer than its cap).
 */
export function createWhisperProcess(options: WhisperProcessOptions) {
  const spawn = options.spawn ?? nodeSpawn;
  const fetchFunction = options.fetch ?? fetch;
  let child: ChildProcess | undefined;
  let ready: Promise<void> | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  const backoff = createBackoff({ initialMs: options.initialBackoffMs ?? 500, maxMs: options.maxBackoffMs ?? 30_000 });
  let startedAt = 0;
  let modelLoads = 0;
  let closed = false;

  const start = (): Promise<void> => {
    startedAt = Date.now();
    const serverProcess = spawn(options.binaryPath, options.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = serverProcess;
    let stderrTail = '';
    serverProcess.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      modelLoads += text.split('\n').filter((line) => modelLoadLine.test(line) && line.includes('whisper_init')).length;
      stderrTail = (stderrTail + text).slice(-2000);
    });
    serverProcess.stdout?.on('data', () => {});
    const exited = new Promise<never>((_resolve, reject) => {
      serverProcess.once('error', (error) =>
        reject(
          new EngineError('whisper', `cannot start ${options.binaryPath}: ${describeError(error)}`, { cause: error }),
        ),
      );
      serverProcess.once('exit', (code, signal) => {
        if (child === serverProcess) onUnexpectedExit(code, signal);
        reject(
          new EngineError(
            'whisper',
            `whisper server exited (${signal ?? code}) while starting: ${stderrTail.slice(-400)}`,
            { transient: true },
          ),
        );
      });
    });
    exited.catch(() => {});
    return Promise.race([waitUntilHealthy(), exited]);
  };

  const waitUntilHealthy = async () => {
    const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
    while (Date.now() < deadline) {
      const healthy = await fetchFunction(options.healthUrl, { signal: AbortSignal.timeout(1000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new EngineError('whisper', `whisper server did not answer at ${options.healthUrl} within the start timeout`, {
      transient: true,
    });
  };

  const onUnexpectedExit = (code: number | null, signal: NodeJS.Signals | null) => {
    child = undefined;
    ready = undefined;
    if (closed) return;
    backoff.resetIfRanFor(Date.now() - startedAt);
    const delay = backoff.next();
    options.log.warn('whisper server exited; restarting', { code, signal, restartInMs: delay });
    options.onRestart?.();
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (!closed && !ready)
        ensureRunning().catch((error: unknown) =>
          options.log.error('whisper restart failed', { error: describeError(error) }),
        );
    }, delay);
  };

  const ensureRunning = (): Promise<void> => {
    if (closed) return Promise.reject(new EngineError('whisper', 'whisper engine is closed'));
    ready ??= start().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };

  return {
    ensureRunning,
    get processId(): number | undefined {
      return child?.pid;
    },
    /** How many times the model was loaded (one per process start). */
    get modelLoads(): number {
      return modelLoads;
    },
    async stop(): Promise<void> {
      closed = true;
      clearTimeout(restartTimer);
      const running = child;
      child = undefined;
      ready = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (running.exitCode === null) running.kill('SIGKILL');
    },
  };
}
