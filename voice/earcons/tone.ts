/** One note of an earcon: a sine (optionally gliding) with an amplitude envelope. */
export interface Note {
  startHz: number;
  endHz?: number;
  seconds: number;
  /** Peak amplitude, 0..1 of full scale. */
  level: number;
  /** Exponential decay per second after the attack (a bell); 0 = flat. */
  decay?: number;
}

const fadeSeconds = 0.008;

/**
 * Renders notes one after another as float samples. Every note fades in and out over 8 ms, so the
 * waveform starts and ends at zero and playback never clicks at the edges.
 */
export function renderNotes(notes: Note[], sampleRate: number, gapSeconds = 0.02): Float32Array {
  const gap = Math.round(gapSeconds * sampleRate);
  const total =
    notes.reduce((sum, note) => sum + Math.round(note.seconds * sampleRate), 0) + gap * Math.max(0, notes.length - 1);
  const output = new Float32Array(total);
  let offset = 0;
  for (const note of notes) {
    const length = Math.round(note.seconds * sampleRate);
    const fade = Math.min(Math.round(fadeSeconds * sampleRate), Math.floor(length / 2));
    let phase = 0;
    for (let index = 0; index < length; index++) {
      const progress = index / length;
      const frequency = note.startHz + ((note.endHz ?? note.startHz) - note.startHz) * progress;
      phase += (2 * Math.PI * frequency) / sampleRate;
      const edge = Math.min(1, index / fade, (length - 1 - index) / fade);
      const envelope =
        Math.sin((Math.PI / 2) * Math.max(0, edge)) * Math.exp(-(note.decay ?? 0) * (index / sampleRate));
      output[offset + index] = note.level * envelope * Math.sin(phase);
    }
    offset += length + gap;
  }
  return output;
}

/** Float samples (-1..1) to 16-bit little-endian PCM. */
export function toPcm16(samples: Float32Array): Buffer {
  const pcm = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, index) =>
    pcm.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample)) * 32767), index * 2),
  );
  return pcm;
}
