import type { AudioChunk } from '../tts/tts.js';
import { renderNotes, toPcm16, type Note } from './tone.js';

export type EarconName = 'listening' | 'thinking' | 'done' | 'error' | 'alert';

/**
 * The earcons, generated (no asset files): short and soft, every one under 400 ms except the
 * thinking pulse, which is a seamless loop (it starts and ends at silence).
 */
const designs: Record<EarconName, { notes: Note[]; gapSeconds?: number }> = {
  /** Rising two-tone: "I'm listening". */
  listening: {
    notes: [
      { startHz: 660, seconds: 0.09, level: 0.35 },
      { startHz: 880, seconds: 0.12, level: 0.35 },
    ],
  },
  /** A soft low pulse with a slow swell; loop it while a tool or the brain runs. */
  thinking: {
    notes: [
      { startHz: 440, seconds: 0.35, level: 0.12 },
      { startHz: 440, seconds: 0.001, level: 0 },
    ],
    gapSeconds: 0.5,
  },
  /** A quick falling-then-up pair: "done". */
  done: {
    notes: [
      { startHz: 784, seconds: 0.08, level: 0.3 },
      { startHz: 1047, seconds: 0.14, level: 0.3, decay: 8 },
    ],
  },
  /** Low and falling: something went wrong. */
  error: { notes: [{ startHz: 330, endHz: 220, seconds: 0.32, level: 0.4 }] },
  /** A bright three-note bell: an alert is about to be spoken. */
  alert: {
    notes: [988, 784, 988].map((startHz) => ({ startHz, seconds: 0.11, level: 0.4, decay: 10 })),
    gapSeconds: 0.01,
  },
};

/** 16-bit mono PCM of an earcon at the given sample rate. */
export function earcon(name: EarconName, sampleRate = 22050): AudioChunk {
  const design = designs[name];
  return { sampleRate, pcm: toPcm16(renderNotes(design.notes, sampleRate, design.gapSeconds)) };
}

export const earconNames = Object.keys(designs) as EarconName[];
