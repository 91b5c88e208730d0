import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describeError, EngineError } from '../../src/errors.js';
import type { EngineProbe } from '../../src/probe.js';
import type { SpawnFunction } from '../stt/run-process.js';
import { detectPiperCli, type PiperCli } from './piper-cli.js';
import { createSentenceReader, type SentenceReader } from './piper-sentence-reader.js';
import type { AudioChunk, TextToSpeech } from './tts.js';

export interface PiperTtsOptions {
  binaryPath: string;
  /** The voice .onnx; its sample rate is read from the .onnx.json beside it. */
  modelPath: string;
  spawn?: SpawnFunction;
  /** piper1 prints nothing per sentence: a sentence ends after this long without audio. */
  sentenceGapMs?: number;
}

export interface PiperTts extends TextToSpeech {
  /** Known after the first synthesis or probe. */
  readonly cli: PiperCli | undefined;
}

/**
 * Piper as a resident child process: the voice loads once, each sentence is one line on stdin and
 * comes back as raw PCM on stdout. Piper writes no delimiter between sentences, so sentences are
 * sent one at a time and the end of each is found by the C++ piper's per-sentence "Real-time
 * factor" line on stderr, or (piper1) by a gap with no audio.
 */
export function createPiperTts(options: PiperTtsOptions): PiperTts {
  const spawn = options.spawn ?? nodeSpawn;
  let cli: PiperCli | undefined;
  /** Read from the voice's .onnx.json once, like the voice itself, which piper loads once. */
  let sampleRate: number | undefined;
  let child: ChildProcess | undefined;
  let reader: SentenceReader | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const start = async () => {
    sampleRate ??= readSampleRate(options.modelPath);
    cli ??= await detectPiperCli(options.binaryPath, options.spawn);
    if (child && child.exitCode === null && reader) return { sampleRate, reader, child };
    const piper = spawn(options.binaryPath, ['--model', options.modelPath, cli.rawOutputFlag], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      piper.once('spawn', resolve);
      piper.once('error', (error) =>
        reject(new EngineError('piper', `cannot start piper: ${describeError(error)}`, { cause: error })),
      );
    });
    piper.stdin?.on('error', () => {});
    child = piper;
    reader = createSentenceReader(
      piper,
      cli.generation === 'cpp' ? /Real-time factor|infer=/ : undefined,
      options.sentenceGapMs ?? 250,
    );
    piper.once('exit', () => {
      if (child === piper) child = undefined;
    });
    return { sampleRate, reader, child: piper };
  };

  async function* synthesize(text: string, call: { signal?: AbortSignal } = {}): AsyncGenerator<AudioChunk> {
    const line = text.replace(/\s+/g, ' ').trim();
    if (!line) return;
    let release = () => {};
    const previous = queue;
    queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      const running = await start();
      const send = () => running.child.stdin?.write(line + '\n');
      for await (const pcm of running.reader.nextSentence(send, call.signal))
        yield { sampleRate: running.sampleRate, pcm };
    } finally {
      release();
    }
  }

  return {
    name: 'piper',
    synthesize,
    get cli() {
      return cli;
    },
    async probe(): Promise<EngineProbe> {
      try {
        const voiceRate = readSampleRate(options.modelPath);
        cli ??= await detectPiperCli(options.binaryPath, options.spawn);
        return {
          name: 'tts:piper',
          status: 'ok',
          detail: `${cli.generation} piper, voice ${options.modelPath} at ${voiceRate} Hz`,
        };
      } catch (error) {
        return {
          name: 'tts:piper',
          status: 'fail',
          detail: describeError(error),
          fix: 'run scripts/fetch-models piper (binary and a voice)',
        };
      }
    },
    async close() {
      const running = child;
      child = undefined;
      running?.stdin?.end();
      running?.kill();
    },
  };
}

/** `audio.sample_rate` from the voice's .onnx.json. */
export function readSampleRate(modelPath: string): number {
  const configPath = `${modelPath}.json`;
  if (!existsSync(modelPath) || !existsSync(configPath)) {
    throw new EngineError(
      'piper',
      `piper voice missing: need ${modelPath} and ${configPath}; run scripts/fetch-models piper`,
    );
  }
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as { audio?: { sample_rate?: unknown } };
  const sampleRate = config.audio?.sample_rate;
  if (typeof sampleRate !== 'number' || sampleRate <= 0)
    throw new EngineError('piper', `${configPath} has no audio.sample_rate`);
  return sampleRate;
}
