import { AudioError } from './audio-error.js';

export interface WavFormat {
  encoding: 'pcm' | 'float';
  bitsPerSample: number;
  channels: number;
  sampleRate: number;
  /** Bytes of one sample frame (all channels). */
  blockAlign: number;
  /** Where the samples start, and how many bytes of them the file really holds. */
  dataOffset: number;
  dataBytes: number;
}

const pcmBits = new Set([8, 16, 24, 32]);
const floatBits = new Set([32, 64]);
/** Data sizes that streaming writers (ffmpeg, arecord to a pipe) leave when they cannot seek back. */
const streamingPlaceholders = new Set([0, 0xffffffff]);

/** Validates a RIFF/WAVE header against the buffer and maxBytes before anything is allocated. */
export function parseWavHeader(buffer: Uint8Array, maxBytes: number): WavFormat {
  if (buffer.length === 0) throw new AudioError('empty', 'The WAV file is empty (0 bytes).');
  if (buffer.length < 12)
    throw new AudioError('truncated', `The WAV header is truncated: ${buffer.length} bytes, a RIFF header needs 12.`);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (tag(view, 0) !== 'RIFF' || tag(view, 8) !== 'WAVE') {
    throw new AudioError(
      'not-wav',
      'This is not a WAV file (no RIFF/WAVE header); convert it with ffmpeg -i in.ext -ar 16000 -ac 1 out.wav.',
    );
  }
  let format: Omit<WavFormat, 'dataOffset' | 'dataBytes'> | undefined;
  let offset = 12;
  while (offset + 8 <= buffer.length) {
    const id = tag(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (body + 16 > buffer.length)
        throw new AudioError('truncated', 'The WAV header is truncated inside its fmt chunk.');
      format = readFormat(view, body, size);
    } else if (id === 'data') {
      if (!format)
        throw new AudioError('unsupported', 'The WAV file has its data before the fmt chunk, which is not supported.');
      return {
        ...format,
        dataOffset: body,
        dataBytes: dataSize(size, buffer.length - body, maxBytes, format.blockAlign),
      };
    }
    offset = body + size + (size % 2);
  }
  throw new AudioError(
    'truncated',
    format ? 'The WAV file has no data chunk (truncated?).' : 'The WAV header is truncated: no fmt chunk.',
  );
}

function readFormat(view: DataView, at: number, size: number): Omit<WavFormat, 'dataOffset' | 'dataBytes'> {
  let code = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  if (code === 0xfffe && size >= 40 && at + 26 <= view.byteLength) code = view.getUint16(at + 24, true);
  const encoding = code === 1 ? 'pcm' : code === 3 ? 'float' : undefined;
  if (!encoding || !(encoding === 'pcm' ? pcmBits : floatBits).has(bitsPerSample)) {
    throw new AudioError(
      'unsupported',
      `Unsupported WAV encoding (format ${code}, ${bitsPerSample}-bit): use PCM 8/16/24/32-bit or float 32/64-bit, e.g. ffmpeg -i in.wav -ar 16000 -ac 1 out.wav.`,
    );
  }
  if (channels < 1 || channels > 16) throw new AudioError('unsupported', `Unsupported WAV channel count ${channels}.`);
  if (sampleRate < 1000 || sampleRate > 384_000)
    throw new AudioError('unsupported', `Unsupported WAV sample rate ${sampleRate} Hz.`);
  if (blockAlign !== channels * (bitsPerSample / 8)) {
    throw new AudioError(
      'unsupported',
      `Inconsistent WAV header: block align ${blockAlign} for ${channels} x ${bitsPerSample}-bit.`,
    );
  }
  return { encoding, bitsPerSample, channels, sampleRate, blockAlign };
}

function dataSize(claimed: number, available: number, maxBytes: number, blockAlign: number): number {
  if (streamingPlaceholders.has(claimed)) return clampToFrames(Math.min(available, maxBytes), blockAlign);
  if (claimed > maxBytes) {
    throw new AudioError(
      'too-large',
      `The WAV header claims ${formatBytes(claimed)} of audio, more than the ${formatBytes(maxBytes)} allowed (voice.audio.maxWavBytes).`,
    );
  }
  if (claimed > available) {
    throw new AudioError(
      'truncated',
      `The WAV file is truncated: its header claims ${formatBytes(claimed)} of audio but holds ${formatBytes(available)}.`,
    );
  }
  return clampToFrames(claimed, blockAlign);
}

function clampToFrames(bytes: number, blockAlign: number): number {
  return bytes - (bytes % blockAlign);
}

function tag(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${bytes} bytes`;
}
