import type { EngineProbe } from '../../src/probe.js';
import type { VoiceActivityDetector } from './vad.js';

export interface EnergyVadOptions {
  /** RMS level (dBFS) that counts as certain speech; about 15 dB below it counts as certain silence. */
  speechDbfs?: number;
  frameSamples?: number;
}

/**
 * A level gate: the fallback when Silero cannot load. It cannot tell speech from a TV or a fan, so it
 * needs a quiet room; the probability rises linearly over the 15 dB below speechDbfs.
 */
export function createEnergyVad(options: EnergyVadOptions = {}): VoiceActivityDetector {
  const speechDbfs = options.speechDbfs ?? -35;
  const frameSamples = options.frameSamples ?? 512;
  return {
    name: 'energy',
    frameSamples,
    async speechProbability(frame: Int16Array): Promise<number> {
      const level = rmsDbfs(frame);
      return Math.min(1, Math.max(0, (level - (speechDbfs - 15)) / 15));
    },
    reset() {},
    async probe(): Promise<EngineProbe> {
      return {
        name: 'vad: energy',
        status: 'warn',
        detail: `level gate at ${speechDbfs} dBFS`,
        fix: 'use the Silero VAD (voice.vad.engine: silero) for noisy rooms',
      };
    },
  };
}

export function rmsDbfs(frame: Int16Array): number {
  if (frame.length === 0) return -120;
  let sum = 0;
  for (const sample of frame) sum += sample * sample;
  const rms = Math.sqrt(sum / frame.length) / 32768;
  return rms > 0 ? 20 * Math.log10(rms) : -120;
}
