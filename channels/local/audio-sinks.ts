import { alsaPlay } from '../../voice/audio/alsa.js';
import { createNaudiodonPlayer } from '../../voice/audio/naudiodon-io.js';
import type { LoadNaudiodon } from '../../voice/audio/naudiodon.js';
import { floatToInt16, resampleMono } from '../../voice/audio/resample.js';
import type { AudioChunk } from '../../voice/tts/tts.js';
import type { AudioSink } from './ports.js';
import { joinSamples } from '../../voice/audio/join-samples.js';

export interface RecordedChunk {
  chunk: AudioChunk;
  /** Clock time (ms) when play() was called. */
  at: number;
}

export interface RecordingSink extends AudioSink {
  readonly chunks: RecordedChunk[];
  readonly stops: number[];
  /** Everything played, as one mono 16-bit track at `sampleRate` (for `listen --out` and tests). */
  samples(sampleRate: number): Int16Array;
}

export interface RecordingSinkOptions {
  clock?: () => number;
  /** Simulates a speaker: play() takes the chunk's duration divided by this (0: instant). */
  realtimeSpeed?: number;
}

/** Records what would be played; with realtimeSpeed it also takes (scaled) playing time, and stop() cuts it short. */
export function createRecordingSink(options: RecordingSinkOptions = {}): RecordingSink {
  const clock = options.clock ?? (() => performance.now());
  const chunks: RecordedChunk[] = [];
  const stops: number[] = [];
  const playing = new Set<() => void>();
  return {
    chunks,
    stops,
    async play(chunk) {
      chunks.push({ chunk, at: clock() });
      const speed = options.realtimeSpeed ?? 0;
      if (speed <= 0) return;
      const durationMs = ((chunk.pcm.length / 2 / chunk.sampleRate) * 1000) / speed;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          playing.delete(done);
          resolve();
        };
        const timer = setTimeout(done, durationMs);
        playing.add(done);
      });
    },
    stop() {
      stops.push(clock());
      for (const done of [...playing]) done();
    },
    samples: (sampleRate) =>
      joinChunks(
        chunks.map((recorded) => recorded.chunk),
        sampleRate,
      ),
  };
}

/** Plays through aplay on an ALSA device, one chunk after another; stop() kills the player at once. */
export function createAlsaSink(options: { device?: string } = {}): AudioSink {
  let controller = new AbortController();
  return {
    async play(chunk) {
      if (chunk.pcm.length === 0) return;
      await alsaPlay(chunk.pcm, { sampleRate: chunk.sampleRate, device: options.device, signal: controller.signal });
    },
    stop() {
      controller.abort();
      controller = new AbortController();
    },
  };
}

/** Plays through naudiodon (PortAudio) on a device named in config; stop() aborts the stream at once. */
export function createNaudiodonSink(options: { device?: string; load?: LoadNaudiodon } = {}): AudioSink {
  let controller = new AbortController();
  const play = createNaudiodonPlayer(options);
  return {
    async play(chunk) {
      if (chunk.pcm.length === 0) return;
      await play(chunk.pcm, { sampleRate: chunk.sampleRate, signal: controller.signal });
    },
    stop() {
      controller.abort();
      controller = new AbortController();
    },
  };
}

/** Concatenates chunks, resampling any whose rate differs from `sampleRate`. */
export function joinChunks(chunks: AudioChunk[], sampleRate: number): Int16Array {
  const parts = chunks.map((chunk) => {
    const samples = new Int16Array(
      chunk.pcm.buffer.slice(chunk.pcm.byteOffset, chunk.pcm.byteOffset + chunk.pcm.length - (chunk.pcm.length % 2)),
    );
    if (chunk.sampleRate === sampleRate) return samples;
    const floats = Float32Array.from(samples, (sample) => sample / 32768);
    return floatToInt16(resampleMono(floats, chunk.sampleRate, sampleRate));
  });
  return joinSamples(...parts);
}
