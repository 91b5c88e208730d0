import type { EngineProbe } from '../../src/probe.js';
import type { Vocabulary } from '../../src/router/types.js';

/** 16 kHz mono 16-bit PCM, the one format every engine after the audio layer sees. */
export interface Pcm16 {
  sampleRate: 16000;
  samples: Int16Array;
}

export interface Transcript {
  /** Empty when nothing was said (silence, noise, known hallucinations). */
  text: string;
  engine: string;
}

export interface SttHints {
  /** The names each slot may take this turn (containers, mounts, hosts ...): they bias recognition (Whisper prompt, pocketsphinx grammar). */
  vocabulary?: Vocabulary;
  /**
   * Phrases expected right now, e.g. the spoken confirmation "yes, restart plex-server" after an
   * approval request: a grammar engine may listen for just these (plus no / cancel / stop).
   */
  expectPhrases?: string[];
  /**
   * The confirmation phrases of the approvals pending now ("yes, restart plex-server"). A grammar engine
   * hears confirmations and declines only while there are some, so "help" cannot turn into "do it".
   */
  pendingConfirmations?: string[];
}

export interface SpeechToText {
  readonly name: string;
  transcribe(audio: Pcm16, options?: { signal?: AbortSignal; hints?: SttHints }): Promise<Transcript>;
  probe(): Promise<EngineProbe>;
  close?(): Promise<void>;
}
