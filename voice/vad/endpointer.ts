import type { Pcm16 } from '../stt/stt.js';
import type { VoiceActivityDetector } from './vad.js';
import { joinSamples } from '../audio/join-samples.js';

export type EndpointPreset = 'fast' | 'normal' | 'relaxed';
/** Silence that ends an utterance, per preset. */
export const presetSilenceMs: Record<EndpointPreset, number> = { fast: 300, normal: 700, relaxed: 1200 };

export type EndpointEvent =
  | { type: 'speech-start'; atMs: number }
  | { type: 'speech-end'; pcm: Pcm16; speechMs: number }
  | { type: 'no-speech'; waitedMs: number }
  | { type: 'max-length'; pcm: Pcm16; speechMs: number };

export interface EndpointerOptions {
  vad: VoiceActivityDetector;
  preset?: EndpointPreset;
  /** Audio kept before the detected speech start (never from before start(): the wake phrase stays out). */
  preRollMs?: number;
  noSpeechTimeoutMs?: number;
  maxUtteranceMs?: number;
  /** Speech shorter than this (a click, a cough) is ignored. Default 200 ms: espeak-ng "stop" has 224 ms of voiced frames. */
  minSpeechMs?: number;
  threshold?: number;
}

export interface Endpointer {
  /** Begins one utterance; call right after the wake word ended (or when a follow-up window opens). */
  start(): void;
  /** Feeds audio of any frame size; returns the events it caused. Ignored unless started. */
  push(frame: Int16Array): Promise<EndpointEvent[]>;
  readonly listening: boolean;
}

const samplesPerMs = 16;
/** Kept after the last speech frame so the final consonant is not clipped. */
const tailMs = 150;

/** VAD endpointing: speech-start, speech-end with the utterance, no-speech timeout, max-length. */
export function createEndpointer(options: EndpointerOptions): Endpointer {
  return new VadEndpointer(options);
}

class VadEndpointer implements Endpointer {
  private readonly silenceSamples: number;
  private readonly settings: Required<Omit<EndpointerOptions, 'vad' | 'preset'>>;
  private active = false;
  private audio: Int16Array[] = [];
  private position = 0;
  private pending = new Int16Array(0);
  private candidateStart = -1;
  private speechSamples = 0;
  private lastSpeechEnd = -1;
  private started = false;

  constructor(private readonly options: EndpointerOptions) {
    this.silenceSamples = presetSilenceMs[options.preset ?? 'normal'] * samplesPerMs;
    this.settings = {
      preRollMs: options.preRollMs ?? 300,
      noSpeechTimeoutMs: options.noSpeechTimeoutMs ?? 5000,
      maxUtteranceMs: options.maxUtteranceMs ?? 15_000,
      minSpeechMs: options.minSpeechMs ?? 200,
      threshold: options.threshold ?? 0.5,
    };
  }

  get listening(): boolean {
    return this.active;
  }

  start(): void {
    this.options.vad.reset();
    this.active = true;
    this.audio = [];
    this.position = 0;
    this.pending = new Int16Array(0);
    this.resetCandidate();
    this.started = false;
  }

  async push(frame: Int16Array): Promise<EndpointEvent[]> {
    const events: EndpointEvent[] = [];
    const size = this.options.vad.frameSamples;
    let audio = joinSamples(this.pending, frame);
    while (this.active && audio.length >= size) {
      const chunk = audio.slice(0, size);
      audio = audio.subarray(size);
      const probability = await this.options.vad.speechProbability(chunk);
      this.audio.push(chunk);
      this.position += size;
      const event = this.step(probability, size);
      if (event) events.push(event);
    }
    this.pending = this.active ? audio.slice() : new Int16Array(0);
    return events;
  }

  private step(probability: number, size: number): EndpointEvent | undefined {
    const chunkStart = this.position - size;
    const isSpeech =
      probability >= (this.lastSpeechEnd === chunkStart ? this.settings.threshold - 0.15 : this.settings.threshold);
    if (isSpeech) {
      if (this.candidateStart < 0) this.candidateStart = chunkStart;
      this.speechSamples += size;
      this.lastSpeechEnd = this.position;
    }
    if (!this.started && this.speechSamples >= this.settings.minSpeechMs * samplesPerMs) {
      this.started = true;
      return { type: 'speech-start', atMs: this.candidateStart / samplesPerMs };
    }
    const silentFor = this.lastSpeechEnd < 0 ? this.position : this.position - this.lastSpeechEnd;
    if (this.started) return this.stepSpeaking(silentFor);
    if (this.candidateStart >= 0 && silentFor >= this.silenceSamples) this.resetCandidate();
    if (this.position >= this.settings.noSpeechTimeoutMs * samplesPerMs && this.candidateStart < 0) {
      this.active = false;
      return { type: 'no-speech', waitedMs: this.position / samplesPerMs };
    }
    return undefined;
  }

  private stepSpeaking(silentFor: number): EndpointEvent | undefined {
    if (silentFor >= this.silenceSamples) {
      this.active = false;
      return {
        type: 'speech-end',
        ...this.utterance(Math.min(this.position, this.lastSpeechEnd + tailMs * samplesPerMs)),
      };
    }
    if (this.position - this.candidateStart >= this.settings.maxUtteranceMs * samplesPerMs) {
      this.active = false;
      return { type: 'max-length', ...this.utterance(this.position) };
    }
    return undefined;
  }

  private utterance(end: number): { pcm: Pcm16; speechMs: number } {
    const begin = Math.max(0, this.candidateStart - this.settings.preRollMs * samplesPerMs);
    const all = joinSamples(...this.audio);
    const speechMs = (Math.min(end, this.lastSpeechEnd) - this.candidateStart) / samplesPerMs;
    return { pcm: { sampleRate: 16000, samples: all.slice(begin, end) }, speechMs };
  }

  private resetCandidate(): void {
    this.candidateStart = -1;
    this.speechSamples = 0;
    this.lastSpeechEnd = -1;
  }
}
