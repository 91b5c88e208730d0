import type { EngineProbe } from '../../src/probe.js';

/** Frame in, speech probability out. Frames are 16 kHz mono 16-bit of exactly frameSamples samples. */
export interface VoiceActivityDetector {
  readonly name: string;
  readonly frameSamples: number;
  speechProbability(frame: Int16Array): Promise<number>;
  reset(): void;
  probe(): Promise<EngineProbe>;
  close?(): Promise<void>;
}
