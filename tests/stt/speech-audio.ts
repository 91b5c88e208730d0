import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pcm16 } from '../../voice/stt/stt.js';

/** Reads the data chunk of a 16-bit mono WAV. */
export function readWav16(bytes: Buffer): { sampleRate: number; samples: Int16Array } {
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') sampleRate = bytes.readUInt32LE(offset + 12);
    if (id === 'data') {
      const end = Math.min(bytes.length, offset + 8 + size);
      const data = Buffer.from(bytes.subarray(offset + 8, end - ((end - offset - 8) % 2)));
      return { sampleRate, samples: new Int16Array(data.buffer, data.byteOffset, data.length / 2) };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/** Converts any WAV file to 16 kHz mono 16-bit with sox. */
export function toPcm16(wavPath: string): Pcm16 {
  const directory = mkdtempSync(join(tmpdir(), 'sysvox-test-audio-'));
  try {
    const output = join(directory, 'out.wav');
    execFileSync('sox', [wavPath, '-r', '16000', '-c', '1', '-b', '16', output]);
    return { sampleRate: 16000, samples: readWav16(readFileSync(output)).samples };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Speech made by espeak-ng (22.05 kHz) and resampled to 16 kHz mono, as the audio layer would. */
export function speak(text: string, voice = 'en-us'): Pcm16 {
  const directory = mkdtempSync(join(tmpdir(), 'sysvox-test-speech-'));
  try {
    const spoken = join(directory, 'spoken.wav');
    execFileSync('espeak-ng', ['-v', voice, '-w', spoken, text]);
    return toPcm16(spoken);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function silence(seconds: number): Pcm16 {
  return { sampleRate: 16000, samples: new Int16Array(Math.round(seconds * 16000)) };
}

/** Deterministic white noise at roughly a third of full scale. */
export function noise(seconds: number): Pcm16 {
  const samples = new Int16Array(Math.round(seconds * 16000));
  let state = 12345;
  for (let index = 0; index < samples.length; index++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    samples[index] = ((state / 0x7fffffff) * 2 - 1) * 10000;
  }
  return { sampleRate: 16000, samples };
}

export function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
