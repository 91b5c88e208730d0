import type { Pcm16 } from './stt.js';

/** A complete 16-bit mono PCM WAV file (44-byte header) for engines that read files or uploads. */
export function encodeWav(audio: Pcm16 | { sampleRate: number; samples: Int16Array }): Buffer {
  const dataBytes = audio.samples.length * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(audio.sampleRate, 24);
  header.writeUInt32LE(audio.sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  const data = Buffer.from(audio.samples.buffer, audio.samples.byteOffset, dataBytes);
  return Buffer.concat([header, data]);
}
