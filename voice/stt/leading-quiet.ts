import type { Pcm16 } from './stt.js';

/**
 * Cuts the quiet audio before the first loud 10 ms frame, keeping a short margin. pocketsphinx 0.8
 * (Debian 12) loses the first word when an utterance starts with more than ~40 ms of quiet (measured:
 * espeak-ng "restart plex server" decodes right with 0-30 ms of leading silence and as "start web" with
 * 50 ms or more, whatever the grammar, beams, CMN or noise options), and the VAD's pre-roll is longer.
 */
export function trimLeadingQuiet(audio: Pcm16, options: { floorRms?: number; marginSeconds?: number } = {}): Pcm16 {
  const floorRms = options.floorRms ?? 300;
  const frameLength = Math.round(audio.sampleRate * 0.01);
  const margin = Math.round(audio.sampleRate * (options.marginSeconds ?? 0.02));
  for (let start = 0; start + frameLength <= audio.samples.length; start += frameLength) {
    let sumOfSquares = 0;
    for (let index = start; index < start + frameLength; index++) sumOfSquares += (audio.samples[index] ?? 0) ** 2;
    if (Math.sqrt(sumOfSquares / frameLength) > floorRms) {
      const from = Math.max(0, start - margin);
      return from === 0 ? audio : { sampleRate: audio.sampleRate, samples: audio.samples.subarray(from) };
    }
  }
  return audio;
}
