/**
 * Audio for tests: speech made by espeak-ng (as 16 kHz mono Pcm16, through readWav), silence, padding,
 * concatenation, noise, and the shared clips. Missing tools or clips skip a test with a reason, except
 * under CI=true, where they are a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Pcm16 } from '../../voice/stt/stt.js';
import { readWav } from '../../voice/audio/wav.js';

export const sampleRate = 16000;
export const audioDir = resolve(
  process.env.SYSVOX_AUDIO_DIR ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'audio'),
);

export interface Requirement {
  skip: boolean;
  reason: string;
}

/** Checks commands and shared clips; under CI=true anything missing throws instead of skipping. */
export function requireAudio(what: { commands?: string[]; clips?: string[] }): Requirement {
  const missing = [
    ...(what.commands ?? [])
      .filter((command) => spawnSync('which', [command]).status !== 0)
      .map((command) => `command ${command}`),
    ...(what.clips ?? [])
      .filter((clip) => !existsSync(join(audioDir, clip)))
      .map((clip) => `clip ${join(audioDir, clip)}`),
  ];
  if (missing.length === 0) return { skip: false, reason: '' };
  const reason = `missing ${missing.join(', ')}`;
  if (process.env.CI === 'true') throw new Error(`CI=true and the test needs ${reason}`);
  console.warn(`skipping: ${reason}`);
  return { skip: true, reason };
}

export function readClip(name: string): Pcm16 {
  return readWav(readFileSync(join(audioDir, name))).pcm;
}

/** Speech from espeak-ng, converted from its 22.05 kHz output to 16 kHz mono. */
export function speak(text: string, options: { voice?: string; speed?: number; pitch?: number } = {}): Pcm16 {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-espeak-'));
  try {
    const path = join(folder, 'speech.wav');
    const args = [
      '-v',
      options.voice ?? 'en-us',
      '-s',
      String(options.speed ?? 160),
      '-p',
      String(options.pitch ?? 50),
      '-w',
      path,
      text,
    ];
    const result = spawnSync('espeak-ng', args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`espeak-ng failed: ${result.stderr}`);
    return readWav(readFileSync(path)).pcm;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function silence(milliseconds: number): Pcm16 {
  return { sampleRate: 16000, samples: new Int16Array(Math.round((milliseconds / 1000) * sampleRate)) };
}

export function concatPcm(...parts: Pcm16[]): Pcm16 {
  const samples = new Int16Array(parts.reduce((total, part) => total + part.samples.length, 0));
  let offset = 0;
  for (const part of parts) {
    samples.set(part.samples, offset);
    offset += part.samples.length;
  }
  return { sampleRate: 16000, samples };
}

export function padWithSilence(pcm: Pcm16, beforeMs: number, afterMs: number = beforeMs): Pcm16 {
  return concatPcm(silence(beforeMs), pcm, silence(afterMs));
}

/** Adds white noise with a peak of `amplitude` (in int16 units), deterministic for a given seed. */
export function addNoise(pcm: Pcm16, amplitude: number, seed: number = 1): Pcm16 {
  const samples = new Int16Array(pcm.samples.length);
  let state = seed;
  for (let index = 0; index < samples.length; index++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const noise = ((state / 2147483648) * 2 - 1) * amplitude;
    samples[index] = Math.max(-32768, Math.min(32767, Math.round((pcm.samples[index] ?? 0) + noise)));
  }
  return { sampleRate: 16000, samples };
}

/** Splits audio into frames of `size` samples (the last one dropped when short), as a capture device would. */
export function* framesOf(pcm: Pcm16, size: number): Generator<Int16Array> {
  for (let offset = 0; offset + size <= pcm.samples.length; offset += size)
    yield pcm.samples.subarray(offset, offset + size);
}

export function durationMs(pcm: Pcm16): number {
  return (pcm.samples.length / sampleRate) * 1000;
}
