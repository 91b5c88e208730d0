import { describe, expect, it } from 'vitest';
import { earcon, earconNames } from '../../voice/earcons/earcons.js';

const samplesOf = (pcm: Buffer) => new Int16Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.length));
const peak = (samples: Int16Array) => samples.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);

describe('earcons', () => {
  it.each(earconNames)('%s is short, audible, not clipped, and starts and ends at silence', (name) => {
    for (const sampleRate of [16000, 22050, 48000]) {
      const chunk = earcon(name, sampleRate);
      const samples = samplesOf(chunk.pcm);
      expect(chunk.sampleRate).toBe(sampleRate);
      const seconds = samples.length / sampleRate;
      if (name === 'thinking') expect(seconds).toBeLessThan(1.2);
      else expect(seconds).toBeLessThan(0.4);
      expect(seconds).toBeGreaterThan(0.1);
      expect(peak(samples)).toBeGreaterThan(32767 * 0.1);
      expect(peak(samples)).toBeLessThan(32767 * 0.5);
      // A click is a jump to full level at an edge: the first and last millisecond stay under a quarter of the peak.
      const edge = Math.round(sampleRate * 0.001);
      expect(peak(samples.subarray(0, edge))).toBeLessThan(peak(samples) * 0.25);
      expect(peak(samples.subarray(samples.length - edge))).toBeLessThan(peak(samples) * 0.25);
      expect(Math.abs(samples[0] ?? 1)).toBeLessThan(50);
      expect(Math.abs(samples[samples.length - 1] ?? 1)).toBeLessThan(50);
    }
  });

  it('the listening earcon rises and the error earcon falls (zero-crossing rate, first vs last third)', () => {
    const crossings = (samples: Int16Array) =>
      samples.reduce(
        (count, sample, index) => count + (index > 0 && (samples[index - 1] ?? 0) < 0 !== sample < 0 ? 1 : 0),
        0,
      );
    const thirds = (name: 'listening' | 'error') => {
      const samples = samplesOf(earcon(name, 16000).pcm);
      const third = Math.floor(samples.length / 3);
      return [crossings(samples.subarray(0, third)), crossings(samples.subarray(2 * third))];
    };
    const [listeningStart = 0, listeningEnd = 0] = thirds('listening');
    const [errorStart = 0, errorEnd = 0] = thirds('error');
    expect(listeningEnd).toBeGreaterThan(listeningStart);
    expect(errorEnd).toBeLessThan(errorStart);
  });
});
