/**
 * Voice-note audio through ffmpeg, spawned with stdin/stdout pipes and bounded in time and size:
 * OGG/Opus -> 16 kHz mono s16le for STT, and TTS PCM -> OGG/Opus for sendVoice.
 */
import { spawn as nodeSpawn } from 'node:child_process';
import type { Pcm16 } from '../../voice/stt/stt.js';
import { AudioDecodeError } from './telegram-errors.js';
import { describeError } from '../../src/errors.js';

export type SpawnProcess = typeof nodeSpawn;

export interface AudioConverterOptions {
  ffmpegPath?: string;
  spawn?: SpawnProcess;
  timeoutMs?: number;
}

export interface AudioConverter {
  /** Decodes an OGG/Opus voice note; throws AudioDecodeError when ffmpeg cannot read it. */
  decodeVoiceNote(ogg: Buffer, maxSeconds: number): Promise<Pcm16>;
  /** Encodes mono s16le PCM to OGG/Opus, the format Telegram shows as a voice note. */
  encodeVoiceNote(pcm: Buffer, sampleRate: number): Promise<Buffer>;
}

export function createAudioConverter(options: AudioConverterOptions = {}): AudioConverter {
  const run = (args: string[], input: Buffer, maxOutputBytes: number) =>
    runFilter({
      command: options.ffmpegPath ?? 'ffmpeg',
      args,
      input,
      maxOutputBytes,
      timeoutMs: options.timeoutMs ?? 20_000,
      spawn: options.spawn ?? nodeSpawn,
    });
  return {
    async decodeVoiceNote(ogg, maxSeconds) {
      const args = [
        '-hide_banner',
        '-loglevel',
        'error',
        '-i',
        'pipe:0',
        '-t',
        String(maxSeconds),
        '-f',
        's16le',
        '-ac',
        '1',
        '-ar',
        '16000',
        'pipe:1',
      ];
      const pcm = await run(args, ogg, (maxSeconds + 1) * 16000 * 2);
      if (pcm.length < 2) throw new AudioDecodeError('ffmpeg decoded no audio from the voice note');
      const samples = new Int16Array(
        pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + (pcm.length - (pcm.length % 2))),
      );
      return { sampleRate: 16000, samples };
    },
    encodeVoiceNote(pcm, sampleRate) {
      const args = [
        '-hide_banner',
        '-loglevel',
        'error',
        '-f',
        's16le',
        '-ar',
        String(sampleRate),
        '-ac',
        '1',
        '-i',
        'pipe:0',
        '-c:a',
        'libopus',
        '-b:a',
        '32k',
        '-f',
        'ogg',
        'pipe:1',
      ];
      return run(args, pcm, 20_000_000);
    },
  };
}

interface FilterRun {
  command: string;
  args: string[];
  input: Buffer;
  maxOutputBytes: number;
  timeoutMs: number;
  spawn: SpawnProcess;
}

/** Pipes input through a child process; rejects on a non-zero exit, a timeout or too much output. */
export function runFilter(run: FilterRun): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = run.spawn(run.command, run.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    let outputBytes = 0;
    let errorText = '';
    let failure: Error | undefined;
    const fail = (error: Error) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => fail(new AudioDecodeError(`${run.command} took longer than ${run.timeoutMs} ms`)),
      run.timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      outputBytes += chunk.length;
      if (outputBytes > run.maxOutputBytes)
        fail(new AudioDecodeError(`${run.command} produced more than ${run.maxOutputBytes} bytes`));
      else output.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (errorText.length < 2000) errorText += chunk.toString();
    });
    child.on('error', (error) =>
      fail(new AudioDecodeError(`could not start ${run.command}: ${describeError(error)}`, { cause: error })),
    );
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (code !== 0)
        reject(new AudioDecodeError(`${run.command} exited with ${code}: ${errorText.trim().slice(0, 300)}`));
      else resolve(Buffer.concat(output));
    });
    child.stdin.on('error', () => {}); // the child may exit before reading everything (corrupt input)
    child.stdin.end(run.input);
  });
}
