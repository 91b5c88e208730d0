import type { WakeMode } from './wake.js';

export interface DetectionGateOptions {
  threshold: number;
  /** Threshold used while sysvox speaks (never lower than threshold). */
  speakingThreshold: number;
  /** Consecutive frames at or above threshold needed to fire. */
  patience: number;
  /** After firing, no new detection for this many samples. */
  refractorySamples: number;
}

/** Turns one wake model's per-frame scores into detections: threshold, patience, refractory, mode. */
export class DetectionGate {
  private framesAbove = 0;
  private lastFiredAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: DetectionGateOptions) {}

  /** True when this score, at stream position `atSample`, is a detection. */
  accept(score: number, atSample: number, mode: WakeMode): boolean {
    if (mode === 'muted') {
      this.framesAbove = 0;
      return false;
    }
    const threshold =
      mode === 'speaking' ? Math.max(this.options.threshold, this.options.speakingThreshold) : this.options.threshold;
    this.framesAbove = score >= threshold ? this.framesAbove + 1 : 0;
    if (this.framesAbove < this.options.patience) return false;
    if (atSample - this.lastFiredAt < this.options.refractorySamples) return false;
    this.lastFiredAt = atSample;
    this.framesAbove = 0;
    return true;
  }

  reset(): void {
    this.framesAbove = 0;
    this.lastFiredAt = Number.NEGATIVE_INFINITY;
  }
}
