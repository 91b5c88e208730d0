import type { Pcm16 } from './stt.js';

const frameSeconds = 0.01;

/**
 * Seconds of audio whose 10 ms frames are louder than the floor: a cheap measure of how much
 * sound there is, used to check that a grammar hypothesis explains the audio rather than
 * being forced onto noise or out-of-grammar speech.
 */
export function voicedSeconds(audio: Pcm16, floorRms = 300): number {
  const frameLength = Math.round(audio.sampleRate * frameSeconds);
  let voicedFrames = 0;
  for (let start = 0; start + frameLength <= audio.samples.length; start += frameLength) {
    let sumOfSquares = 0;
    for (let index = start; index < start + frameLength; index++) {
      const sample = audio.samples[index] ?? 0;
      sumOfSquares += sample * sample;
    }
    if (Math.sqrt(sumOfSquares / frameLength) > floorRms) voicedFrames++;
  }
  return voicedFrames * frameSeconds;
}
