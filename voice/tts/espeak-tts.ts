import { spawn as nodeSpawn } from 'node:child_process';
import { EngineError, describeError } from '../../src/errors.js';
import type { EngineProbe } from '../../src/probe.js';
import { runProcess, type SpawnFunction } from '../stt/run-process.js';
import type { AudioChunk, TextToSpeech } from './tts.js';
import { pcmFromWavStream } from './wav-stream.js';

export interface EspeakTtsOptions {
  voice?: string;
  /** Words per minute (espeak-ng -s). */
  rate?: number;
  binary?: string;
  spawn?: SpawnFunction;
}

const installFix = 'apt-get install espeak-ng';

/** espeak-ng, the offline default and fallback: one process per sentence, WAV on stdout at 22050 Hz. */
export function createEspeakTts(options: EspeakTtsOptions = {}): TextToSpeech {
  const binary = options.binary ?? 'espeak-ng';
  const spawn = options.spawn ?? nodeSpawn;
  const args = ['--stdout', '-v', options.voice ?? 'en-us', '-s', String(options.rate ?? 165)];

  async function* synthesize(text: string, call: { signal?: AbortSignal } = {}): AsyncGenerator<AudioChunk> {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], signal: call.signal });
    const started = new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error) =>
        reject(
          new EngineError('espeak-ng', `cannot run ${binary}: ${describeError(error)}; fix: ${installFix}`, {
            cause: error,
          }),
        ),
      );
    });
    await started;
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin?.on('error', () => {});
    child.stdin?.end(text.replace(/\s+/g, ' ') + '\n');
    try {
      yield* pcmFromWavStream(child.stdout as AsyncIterable<Buffer>, 'espeak-ng');
    } finally {
      if (child.exitCode === null) child.kill();
    }
    const exitCode = await exited;
    if (exitCode !== 0 && !call.signal?.aborted)
      throw new EngineError('espeak-ng', `espeak-ng exited with ${exitCode}: ${stderr.slice(-300)}`);
  }

  return {
    name: 'espeak-ng',
    synthesize,
    async probe(): Promise<EngineProbe> {
      try {
        const result = await runProcess(binary, ['--version'], { spawn: options.spawn, timeoutMs: 5000 });
        return {
          name: 'tts:espeak-ng',
          status: result.exitCode === 0 ? 'ok' : 'fail',
          detail: result.stdout.trim() || result.stderr.trim(),
          ...(result.exitCode === 0 ? {} : { fix: installFix }),
        };
      } catch (error) {
        return {
          name: 'tts:espeak-ng',
          status: 'fail',
          detail: `cannot run ${binary}: ${describeError(error)}`,
          fix: installFix,
        };
      }
    },
  };
}
