/**
 * The endpointer's timing on a scripted VAD: each preset ends the utterance after its own amount of silence,
 * and a blip shorter than minSpeechMs is not an utterance. Frames are the VAD's own 32 ms (512 samples).
 */
import { describe, expect, it } from 'vitest';
import { createEndpointer, presetSilenceMs, type EndpointPreset } from '../../voice/vad/endpointer.js';
import { FakeVad } from '../../voice/vad/fake-vad.js';

const frameMs = 32;
const frame = new Int16Array(512);

function script(parts: [probability: number, ms: number][]): number[] {
  return parts.flatMap(([probability, ms]) => Array.from({ length: Math.ceil(ms / frameMs) }, () => probability));
}

/** Feeds frames until the endpointer stops listening; returns the event types and the milliseconds fed. */
async function feed(
  vad: FakeVad,
  options: { preset?: EndpointPreset; minSpeechMs?: number; noSpeechTimeoutMs?: number },
) {
  const endpointer = createEndpointer({ vad, preRollMs: 0, ...options });
  endpointer.start();
  const events: string[] = [];
  let fedMs = 0;
  while (endpointer.listening) {
    events.push(...(await endpointer.push(frame)).map((event) => event.type));
    fedMs += frameMs;
  }
  return { events, fedMs };
}

describe('endpointing presets on a scripted VAD', () => {
  for (const preset of ['fast', 'normal', 'relaxed'] as const) {
    it(`${preset} ends one second of speech after about ${presetSilenceMs[preset]} ms of silence`, async () => {
      const vad = new FakeVad(
        script([
          [0.95, 1000],
          [0.02, 3000],
        ]),
      );
      const { events, fedMs } = await feed(vad, { preset });
      expect(events).toEqual(['speech-start', 'speech-end']);
      const silenceHeard = fedMs - 1000;
      expect(silenceHeard).toBeGreaterThanOrEqual(presetSilenceMs[preset]);
      expect(silenceHeard).toBeLessThan(presetSilenceMs[preset] + 4 * frameMs);
    });
  }

  it('a 64 ms blip is no utterance: the no-speech timeout ends the wait instead', async () => {
    const vad = new FakeVad(
      script([
        [0.02, 200],
        [0.95, 64],
        [0.02, 3000],
      ]),
    );
    const { events } = await feed(vad, { preset: 'fast', minSpeechMs: 200, noSpeechTimeoutMs: 2000 });
    expect(events).not.toContain('speech-end');
    expect(events.at(-1)).toBe('no-speech');
  });

  it('a scripted VAD that runs out says so instead of hearing silence', async () => {
    const vad = new FakeVad([0.9]);
    await vad.speechProbability();
    await expect(vad.speechProbability()).rejects.toThrow(/past the end of its script/);
  });
});
