import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { EngineError, describeError } from '../../src/errors.js';
import { silentLogger, type Logger } from '../../src/log.js';
import type { EngineProbe } from '../../src/probe.js';
import type { SpawnFunction } from './run-process.js';
import type { Pcm16, SpeechToText, SttHints, Transcript } from './stt.js';
import { cleanTranscript } from './whisper-hallucinations.js';
import { normaliseWhisperText } from './whisper-text.js';
import { createWhisperProcess } from './whisper-process.js';
import { writeWav } from '../audio/wav.js';

export interface WhisperServerSttOptions {
  binaryPath: string;
  modelPath: string;
  /** Fixed from config ("en"); never auto-detected, which is slower and guesses wrong on short commands. */
  language?: string;
  host?: string;
  /** A free port is picked when omitted. */
  port?: number;
  threads?: number;
  /** Command words always put in the initial prompt; hints add host and container names. */
  promptWords?: string[];
  spawn?: SpawnFunction;
  fetch?: typeof fetch;
  log?: Logger;
  requestTimeoutMs?: number;
  /** First restart delay after the server dies; doubles per failure up to 30 s. */
  initialBackoffMs?: number;
  /** Called each time the server died and is being restarted. */
  onRestart?: () => void;
}

export interface WhisperServerStt extends SpeechToText {
  /** The running server's pid (undefined while stopped or restarting). */
  readonly processId: number | undefined;
  /** Model loads since creation: one per server start. */
  readonly modelLoads: number;
}

const defaultPromptWords = [
  'cpu',
  'memory',
  'disk',
  'usage',
  'container',
  'restart',
  'healthy',
  'logs',
  'docker',
  'yes',
  'no',
  'cancel',
  'stop',
];

/** whisper.cpp's HTTP server as a resident child process: the model is loaded once and kept. */
export function createWhisperServerStt(options: WhisperServerSttOptions): WhisperServerStt {
  const host = options.host ?? '127.0.0.1';
  const fetchFunction = options.fetch ?? fetch;
  const log = (options.log ?? silentLogger).child('whisper');
  let server: ReturnType<typeof createWhisperProcess> | undefined;
  let baseUrl = '';

  const ensureProcess = async () => {
    checkFiles(options);
    if (!server) {
      const port = options.port ?? (await freePort(host));
      baseUrl = `http://${host}:${port}`;
      const threads = options.threads ?? Math.max(1, Math.min(4, cpus().length));
      const args = [
        '-m',
        options.modelPath,
        '-l',
        options.language ?? 'en',
        '--host',
        host,
        '--port',
        String(port),
        '-t',
        String(threads),
        '-nt',
      ];
      server = createWhisperProcess({
        binaryPath: options.binaryPath,
        args,
        healthUrl: `${baseUrl}/`,
        log,
        spawn: options.spawn,
        fetch: fetchFunction,
        initialBackoffMs: options.initialBackoffMs,
        onRestart: options.onRestart,
      });
    }
    await server.ensureRunning();
    return baseUrl;
  };

  async function transcribe(audio: Pcm16, call: { signal?: AbortSignal; hints?: SttHints } = {}): Promise<Transcript> {
    const url = await ensureProcess();
    const form = new FormData();
    form.append('file', new Blob([writeWav(audio.samples, audio.sampleRate)], { type: 'audio/wav' }), 'utterance.wav');
    form.append('temperature', '0.0');
    form.append('response-format', 'json');
    form.append('prompt', initialPrompt(options.promptWords ?? defaultPromptWords, call.hints));
    const signals = [AbortSignal.timeout(options.requestTimeoutMs ?? 30_000), ...(call.signal ? [call.signal] : [])];
    let response: Response;
    try {
      response = await fetchFunction(`${url}/inference`, {
        method: 'POST',
        body: form,
        signal: AbortSignal.any(signals),
      });
    } catch (error) {
      if (call.signal?.aborted) throw error;
      throw new EngineError('whisper', `whisper server request failed: ${describeError(error)}`, {
        cause: error,
        transient: true,
      });
    }
    if (!response.ok)
      throw new EngineError(
        'whisper',
        `whisper server answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
        { transient: response.status >= 500 },
      );
    const body = (await response.json()) as { text?: unknown; error?: unknown };
    if (typeof body.text !== 'string')
      throw new EngineError('whisper', `whisper server answered without text: ${JSON.stringify(body).slice(0, 200)}`);
    return { text: normaliseWhisperText(cleanTranscript(body.text), call.hints?.vocabulary), engine: 'whisper' };
  }

  return {
    name: 'whisper',
    transcribe,
    get processId() {
      return server?.processId;
    },
    get modelLoads() {
      return server?.modelLoads ?? 0;
    },
    probe: () => probeWhisper(options),
    close: async () => {
      await server?.stop();
      server = undefined;
    },
  };
}

/** Names the fix for each missing file, so `sysvox doctor` and the first transcription say it. */
function checkFiles(options: Pick<WhisperServerSttOptions, 'binaryPath' | 'modelPath'>): void {
  if (!existsSync(options.binaryPath)) {
    throw new EngineError(
      'whisper',
      `whisper server binary missing at ${options.binaryPath}: run scripts/build-whisper.sh`,
      { spoken: 'My speech recognizer is not installed.' },
    );
  }
  if (!existsSync(options.modelPath)) {
    throw new EngineError(
      'whisper',
      `whisper model missing at ${options.modelPath}: run scripts/fetch-models whisper-base.en`,
      { spoken: 'My speech recognition model is not installed.' },
    );
  }
}

async function probeWhisper(options: WhisperServerSttOptions): Promise<EngineProbe> {
  try {
    checkFiles(options);
    return { name: 'stt:whisper', status: 'ok', detail: `${options.binaryPath} with ${options.modelPath}` };
  } catch (error) {
    const message = describeError(error);
    return { name: 'stt:whisper', status: 'fail', detail: message, fix: message.slice(message.indexOf(': run ') + 2) };
  }
}

/** Every slot's names (hosts, containers, mounts ...) and command words: Whisper spells names the way its prompt does. */
export function initialPrompt(commandWords: string[], hints?: SttHints): string {
  const names = Object.values(hints?.vocabulary ?? {}).flat();
  return [...new Set([...names, ...commandWords])].join(', ').slice(0, 600);
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
