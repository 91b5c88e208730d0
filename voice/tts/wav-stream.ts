import { EngineError } from '../../src/errors.js';
import type { AudioChunk } from './tts.js';

/**
 * Raw PCM from a streamed 16-bit mono WAV (espeak-ng --stdout writes a header whose sizes are
 * placeholders, so the data chunk is read to the end of the stream, not to its declared size).
 */
export async function* pcmFromWavStream(stream: AsyncIterable<Buffer>, engine: string): AsyncGenerator<AudioChunk> {
  let header = Buffer.alloc(0);
  let sampleRate = 0;
  let carry = Buffer.alloc(0);
  let inData = false;
  for await (const chunk of stream) {
    if (!inData) {
      header = Buffer.concat([header, chunk]);
      const parsed = parseHeader(header, engine);
      if (!parsed) continue;
      sampleRate = parsed.sampleRate;
      inData = true;
      carry = header.subarray(parsed.dataOffset);
    } else {
      carry = Buffer.concat([carry, chunk]);
    }
    const usable = carry.length - (carry.length % 2);
    if (usable > 0) yield { sampleRate, pcm: Buffer.from(carry.subarray(0, usable)) };
    carry = carry.subarray(usable);
  }
}

function parseHeader(bytes: Buffer, engine: string): { sampleRate: number; dataOffset: number } | undefined {
  if (bytes.length < 12) return undefined;
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new EngineError(engine, `${engine} did not write a WAV stream`);
  }
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'data') return sampleRate > 0 ? { sampleRate, dataOffset: offset + 8 } : undefined;
    if (offset + 8 + size > bytes.length) return undefined;
    if (id === 'fmt ') {
      const channels = bytes.readUInt16LE(offset + 10);
      const bits = bytes.readUInt16LE(offset + 22);
      if (channels !== 1 || bits !== 16)
        throw new EngineError(engine, `${engine} wrote ${channels}-channel ${bits}-bit audio; expected mono 16-bit`);
      sampleRate = bytes.readUInt32LE(offset + 12);
    }
    offset += 8 + size + (size % 2);
  }
  return undefined;
}
