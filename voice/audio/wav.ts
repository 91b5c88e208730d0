import type { Pcm16 } from '../stt/stt.js';
import { parseWavHeader, type WavFormat } from './wav-header.js';
import { floatToInt16, resampleMono } from './resample.js';

export type { WavFormat } from './wav-header.js';
export interface DecodedWav {
  /** The format the file was in. */
  format: WavFormat;
  /** The audio as 16 kHz mono 16-bit. */
  pcm: Pcm16;
  durationMs: number;
}

/** 100 MB: about 50 minutes of 16 kHz mono, or 9 minutes of 48 kHz stereo 16-bit. */
export const defaultMaxWavBytes = 100 * 1024 * 1024;

/** Reads any PCM or float WAV and converts it to 16 kHz mono 16-bit. Throws AudioError for bad files. */
export function readWav(buffer: Uint8Array, options: { maxBytes?: number } = {}): DecodedWav {
  const format = parseWavHeader(buffer, options.maxBytes ?? defaultMaxWavBytes);
  const frames = format.dataBytes / format.blockAlign;
  const isAlready16k =
    format.encoding === 'pcm' && format.bitsPerSample === 16 && format.channels === 1 && format.sampleRate === 16000;
  const samples = isAlready16k ? copyInt16(buffer, format.dataOffset, frames) : convert(buffer, format, frames);
  return { format, pcm: { sampleRate: 16000, samples }, durationMs: (frames / format.sampleRate) * 1000 };
}

/** Encodes 16-bit mono PCM as a WAV file (replies written to disk, debugging recordings, STT engines that read files). */
export function writeWav(samples: Int16Array, sampleRate: number = 16000): Buffer {
  const dataBytes = samples.length * 2;
  const file = Buffer.alloc(44 + dataBytes);
  file.write('RIFF', 0, 'ascii');
  file.writeUInt32LE(36 + dataBytes, 4);
  file.write('WAVEfmt ', 8, 'ascii');
  file.writeUInt32LE(16, 16);
  file.writeUInt16LE(1, 20);
  file.writeUInt16LE(1, 22);
  file.writeUInt32LE(sampleRate, 24);
  file.writeUInt32LE(sampleRate * 2, 28);
  file.writeUInt16LE(2, 32);
  file.writeUInt16LE(16, 34);
  file.write('data', 36, 'ascii');
  file.writeUInt32LE(dataBytes, 40);
  // Typed arrays are in the host's byte order, little-endian on every platform Node runs sysvox on.
  file.set(new Uint8Array(samples.buffer, samples.byteOffset, dataBytes), 44);
  return file;
}

function copyInt16(buffer: Uint8Array, offset: number, frames: number): Int16Array {
  const copy = new Int16Array(frames);
  const view = new DataView(buffer.buffer, buffer.byteOffset + offset, frames * 2);
  for (let index = 0; index < frames; index++) copy[index] = view.getInt16(index * 2, true);
  return copy;
}

function convert(buffer: Uint8Array, format: WavFormat, frames: number): Int16Array {
  const mono = mixToMono(buffer, format, frames);
  return floatToInt16(resampleMono(mono, format.sampleRate, 16000));
}

function mixToMono(buffer: Uint8Array, format: WavFormat, frames: number): Float32Array {
  const view = new DataView(buffer.buffer, buffer.byteOffset + format.dataOffset, format.dataBytes);
  const read = sampleReader(format);
  const bytesPerSample = format.bitsPerSample / 8;
  const mono = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame++) {
    let sum = 0;
    for (let channel = 0; channel < format.channels; channel++) {
      sum += read(view, frame * format.blockAlign + channel * bytesPerSample);
    }
    mono[frame] = sum / format.channels;
  }
  return mono;
}

type SampleReader = (view: DataView, at: number) => number;

function sampleReader(format: WavFormat): SampleReader {
  if (format.encoding === 'float') {
    return format.bitsPerSample === 32
      ? (view, at) => view.getFloat32(at, true)
      : (view, at) => view.getFloat64(at, true);
  }
  switch (format.bitsPerSample) {
    case 8:
      return (view, at) => (view.getUint8(at) - 128) / 128;
    case 16:
      return (view, at) => view.getInt16(at, true) / 32768;
    case 24:
      return (view, at) => (view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608;
    default:
      return (view, at) => view.getInt32(at, true) / 2147483648;
  }
}
