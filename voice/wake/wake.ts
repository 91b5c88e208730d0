import type { EngineProbe } from '../../src/probe.js';

/** 'speaking' raises the threshold while sysvox talks; 'muted' ignores the wake word entirely. */
export type WakeMode = 'normal' | 'speaking' | 'muted';

export interface WakeDetection {
  /** The wake model's name (hey_jarvis, alexa, a custom label). */
  name: string;
  score: number;
  /** Stream position (in 16 kHz samples since start or reset) where the wake word ended. */
  endSample: number;
  /** The same position in milliseconds. */
  endMs: number;
}

/** Frame in, detections out. Frames are 16 kHz mono 16-bit, ideally 1280 samples (80 ms). */
export interface WakeWordDetector {
  readonly name: string;
  readonly frameSamples: number;
  process(frame: Int16Array): Promise<WakeDetection[]>;
  setMode(mode: WakeMode): void;
  reset(): void;
  probe(): Promise<EngineProbe>;
  close?(): Promise<void>;
}
