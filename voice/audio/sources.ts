import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { readWav } from './wav.js';

/** 80 ms at 16 kHz: the openWakeWord frame, also a whole number of Silero frames' worth of latency. */
export const defaultFrameSamples = 1280;

/** Frames of 16 kHz mono 16-bit audio from a WAV file of any format (converted first). */
export async function* wavFileSource(
  path: string,
  options: { frameSamples?: number; maxBytes?: number } = {},
): AsyncGenerator<Int16Array> {
  const { pcm } = readWav(await readFile(path), { maxBytes: options.maxBytes });
  const size = options.frameSamples ?? defaultFrameSamples;
  for (let offset = 0; offset < pcm.samples.length; offset += size) yield pcm.samples.slice(offset, offset + size);
}

/** Frames from a stream of raw S16_LE 16 kHz mono bytes (stdin, arecord's stdout, a socket). */
export async function* rawPcmSource(
  stream: Readable | AsyncIterable<Uint8Array>,
  options: { frameSamples?: number } = {},
): AsyncGenerator<Int16Array> {
  const frameBytes = (options.frameSamples ?? defaultFrameSamples) * 2;
  let pending = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
    while (pending.length >= frameBytes) {
      yield toSamples(pending.subarray(0, frameBytes));
      pending = pending.subarray(frameBytes);
    }
  }
  const whole = pending.length - (pending.length % 2);
  if (whole > 0) yield toSamples(pending.subarray(0, whole));
}

/** Frames from a FIFO (named pipe) carrying raw PCM; ends when the writer closes it. */
export function fifoSource(path: string, options: { frameSamples?: number } = {}): AsyncGenerator<Int16Array> {
  return rawPcmSource(createReadStream(path), options);
}

function toSamples(bytes: Buffer): Int16Array {
  const samples = new Int16Array(bytes.length / 2);
  for (let index = 0; index < samples.length; index++) samples[index] = bytes.readInt16LE(index * 2);
  return samples;
}
