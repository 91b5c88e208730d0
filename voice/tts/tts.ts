import type { EngineProbe } from '../../src/probe.js';

/** A chunk of raw signed 16-bit little-endian mono PCM at sampleRate. */
export interface AudioChunk {
  sampleRate: number;
  pcm: Buffer;
}

export interface TextToSpeech {
  readonly name: string;
  /** Speaks one sentence; yields PCM as the engine produces it. */
  synthesize(text: string, options?: { signal?: AbortSignal }): AsyncIterable<AudioChunk>;
  probe(): Promise<EngineProbe>;
  close?(): Promise<void>;
}
