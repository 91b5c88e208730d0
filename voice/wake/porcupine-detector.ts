import { basename } from 'node:path';
import { EngineError, describeError } from '../../src/errors.js';
import type { EngineProbe } from '../../src/probe.js';
import type { WakeDetection, WakeMode, WakeWordDetector } from './wake.js';
import { joinSamples } from '../audio/join-samples.js';

/** The part of @picovoice/porcupine-node's Porcupine object the adapter uses. */
export interface PorcupineEngine {
  readonly frameLength: number;
  readonly sampleRate: number;
  /** Index of the keyword detected in this frame, or -1. */
  process(frame: Int16Array): number;
  release(): void;
}

export interface PorcupineDetectorOptions {
  /** Keyword names, in the order of the keyword paths given to Porcupine. */
  keywords: string[];
  refractoryMs?: number;
  /**
   * Porcupine gives a yes/no, not a score, so there is no threshold to raise while sysvox speaks:
   * by default 'speaking' mutes it like 'muted'; true keeps it armed in 'speaking' (barge-in by wake word,
   * at the risk of waking on its own voice).
   */
  armedWhileSpeaking?: boolean;
}

/** "hey-jarvis_en_linux_v3_0_0.ppn" -> "hey_jarvis": the keyword name from a Picovoice Console file name. */
export function keywordName(path: string): string {
  const stem = basename(path)
    .replace(/\.ppn$/i, '')
    .replace(/_[a-z]{2}_[a-z0-9-]+_v\d[\d_]*$/i, '');
  return stem.toLowerCase().replace(/[-\s]+/g, '_');
}

/** Porcupine behind the WakeWordDetector interface: 80 ms frames in, re-framed to Porcupine's 512 samples. */
export class PorcupineDetector implements WakeWordDetector {
  readonly name = 'porcupine';
  readonly frameSamples = 1280;
  private mode: WakeMode = 'normal';
  private pending = new Int16Array(0);
  private samplesSeen = 0;
  private lastFiredAt = Number.NEGATIVE_INFINITY;
  private released = false;
  private readonly refractorySamples: number;

  constructor(
    private readonly engine: PorcupineEngine,
    private readonly options: PorcupineDetectorOptions,
  ) {
    this.refractorySamples = ((options.refractoryMs ?? 2000) / 1000) * 16000;
  }

  async process(frame: Int16Array): Promise<WakeDetection[]> {
    if (this.released) throw new EngineError('porcupine', 'Porcupine was closed; build a new wake word detector.');
    const size = this.engine.frameLength;
    const audio = this.pending.length === 0 ? frame : joinSamples(this.pending, frame);
    const detections: WakeDetection[] = [];
    let offset = 0;
    for (; audio.length - offset >= size; offset += size) {
      const index = this.processFrame(audio.slice(offset, offset + size));
      this.samplesSeen += size;
      const detection = this.accept(index);
      if (detection) detections.push(detection);
    }
    this.pending = audio.slice(offset);
    return detections;
  }

  setMode(mode: WakeMode): void {
    this.mode = mode;
  }

  reset(): void {
    this.pending = new Int16Array(0);
    this.samplesSeen = 0;
    this.lastFiredAt = Number.NEGATIVE_INFINITY;
  }

  async probe(): Promise<EngineProbe> {
    return {
      name: 'wake: Porcupine',
      status: this.released ? 'warn' : 'ok',
      detail: `keywords ${this.options.keywords.join(', ')}; its AccessKey is checked online each time it starts`,
      fix: this.released ? 'restart sysvox' : undefined,
    };
  }

  async close(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.engine.release();
  }

  private processFrame(frame: Int16Array): number {
    try {
      return this.engine.process(frame);
    } catch (error) {
      throw new EngineError('porcupine', `Porcupine failed on a frame: ${describeError(error)}`, { cause: error });
    }
  }

  private accept(index: number): WakeDetection | undefined {
    if (index < 0 || !this.listening()) return undefined;
    if (this.samplesSeen - this.lastFiredAt < this.refractorySamples) return undefined;
    this.lastFiredAt = this.samplesSeen;
    const name = this.options.keywords[index] ?? `keyword_${index}`;
    return { name, score: 1, endSample: this.samplesSeen, endMs: this.samplesSeen / 16 };
  }

  private listening(): boolean {
    if (this.mode === 'muted') return false;
    return this.mode === 'normal' || this.options.armedWhileSpeaking === true;
  }
}
