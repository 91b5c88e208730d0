import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AudioError } from '../../voice/audio/audio-error.js';
import { readWav, writeWav } from '../../voice/audio/wav.js';
import { audioDir, requireAudio } from '../helpers/audio-fixtures.js';

/** A WAV header for any format, followed by `data`. */
function wavFile(
  format: { code?: number; channels: number; rate: number; bits: number },
  data: Uint8Array,
  claimedBytes = data.length,
): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(format.code ?? 1, 20);
  header.writeUInt16LE(format.channels, 22);
  header.writeUInt32LE(format.rate, 24);
  header.writeUInt32LE((format.rate * format.channels * format.bits) / 8, 28);
  header.writeUInt16LE((format.channels * format.bits) / 8, 32);
  header.writeUInt16LE(format.bits, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(claimedBytes, 40);
  return Buffer.concat([header, data]);
}

function problemOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AudioError);
    return `${(error as AudioError).problem}: ${(error as AudioError).message}`;
  }
  throw new Error('expected an AudioError');
}

function sine(count: number, period: number, amplitude: number): number[] {
  return Array.from({ length: count }, (_, index) => Math.round(Math.sin((2 * Math.PI * index) / period) * amplitude));
}

describe('readWav on bad audio', () => {
  it('says an empty file is empty', () => {
    expect(problemOf(() => readWav(new Uint8Array(0)))).toMatch(/^empty: .*empty/);
  });

  it('says a truncated header is truncated', () => {
    const full = wavFile({ channels: 1, rate: 16000, bits: 16 }, new Uint8Array(3200));
    expect(problemOf(() => readWav(full.subarray(0, 30)))).toMatch(/^truncated: /);
    expect(problemOf(() => readWav(full.subarray(0, 8)))).toMatch(/^truncated: .*8 bytes/);
  });

  it('refuses a header claiming 2 GB before allocating it', () => {
    const file = wavFile({ channels: 1, rate: 16000, bits: 16 }, new Uint8Array(3200), 2 * 1024 ** 3);
    expect(problemOf(() => readWav(file))).toMatch(/^too-large: .*2\.0 GB.*maxWavBytes/);
  });

  it('says a file shorter than its header claims is truncated', () => {
    const file = wavFile({ channels: 1, rate: 16000, bits: 16 }, new Uint8Array(3200), 64_000);
    expect(problemOf(() => readWav(file))).toMatch(/^truncated: .*holds 3200 bytes/);
  });

  it('names the fix for an unsupported encoding (mu-law)', () => {
    const file = wavFile({ code: 7, channels: 1, rate: 8000, bits: 8 }, new Uint8Array(800));
    expect(problemOf(() => readWav(file))).toMatch(/^unsupported: .*format 7.*ffmpeg/);
  });

  it('says a non-WAV file is not a WAV', () => {
    expect(problemOf(() => readWav(Buffer.from('ID3\u0003 this is an mp3 file really')))).toMatch(/^not-wav: /);
  });
});

describe('readWav conversion to 16 kHz mono 16-bit', () => {
  it('converts 8-bit unsigned PCM', () => {
    const samples = sine(8000, 40, 100).map((value) => value + 128);
    const { pcm, durationMs, format } = readWav(
      wavFile({ channels: 1, rate: 8000, bits: 8 }, Uint8Array.from(samples)),
    );
    expect(format.bitsPerSample).toBe(8);
    expect(durationMs).toBe(1000);
    expect(pcm.samples.length).toBe(16000);
    const peak = Math.max(...pcm.samples.subarray(1000, 15000));
    expect(peak).toBeGreaterThan(24000);
    expect(peak).toBeLessThan(27000);
  });

  it('converts 48 kHz stereo to mono, averaging the channels', () => {
    const left = sine(48000, 96, 10000);
    const interleaved = new Int16Array(96000);
    left.forEach((value, index) => {
      interleaved[index * 2] = value;
      interleaved[index * 2 + 1] = 0;
    });
    const { pcm } = readWav(wavFile({ channels: 2, rate: 48000, bits: 16 }, new Uint8Array(interleaved.buffer)));
    expect(pcm.samples.length).toBe(16000);
    const peak = Math.max(...pcm.samples.subarray(1000, 15000));
    expect(peak).toBeGreaterThan(4700);
    expect(peak).toBeLessThan(5300);
  });

  it('converts float32 and 24-bit files', () => {
    const floats = Float32Array.from(sine(16000, 32, 1).map((_, index) => Math.sin(index / 5) * 0.5));
    const fromFloat = readWav(wavFile({ code: 3, channels: 1, rate: 16000, bits: 32 }, new Uint8Array(floats.buffer)));
    expect(Math.max(...fromFloat.pcm.samples)).toBeGreaterThan(16000);
    const bytes24 = new Uint8Array(3 * 24000);
    const fromInt24 = readWav(wavFile({ channels: 1, rate: 24000, bits: 24 }, bytes24));
    expect(fromInt24.pcm.samples.length).toBe(16000);
  });

  it('round-trips writeWav', () => {
    const samples = Int16Array.from(sine(1600, 16, 12000));
    const { pcm, format } = readWav(writeWav(samples, 16000));
    expect(format).toMatchObject({ channels: 1, sampleRate: 16000, bitsPerSample: 16 });
    expect(Array.from(pcm.samples)).toEqual(Array.from(samples));
  });

  it('writes only the samples of a view into a larger buffer (STT gets trimmed utterances so)', () => {
    const whole = Int16Array.from(sine(1600, 16, 12000));
    const tail = whole.subarray(403);
    expect(Array.from(readWav(writeWav(tail, 16000)).pcm.samples)).toEqual(Array.from(tail));
  });

  const clips = requireAudio({ clips: ['activation.wav'] });
  it.skipIf(clips.skip)('converts activation.wav (22.05 kHz stereo) with the right duration', () => {
    const { format, pcm, durationMs } = readWav(readFileSync(join(audioDir, 'activation.wav')));
    expect(format).toMatchObject({ channels: 2, sampleRate: 22050, bitsPerSample: 16 });
    expect(durationMs).toBeCloseTo(473.7, 0);
    expect(pcm.samples.length).toBe(Math.round((durationMs / 1000) * 16000));
    expect(Math.max(...pcm.samples.map(Math.abs))).toBeGreaterThan(1000);
  });
});
