import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEndpointer, type EndpointEvent, type EndpointerOptions } from '../../voice/vad/endpointer.js';
import { createEnergyVad } from '../../voice/vad/energy-vad.js';
import { createSileroVad } from '../../voice/vad/silero-vad.js';
import type { VoiceActivityDetector } from '../../voice/vad/vad.js';
import type { Pcm16 } from '../../voice/stt/stt.js';
import {
  addNoise,
  concatPcm,
  durationMs,
  framesOf,
  padWithSilence,
  requireAudio,
  silence,
  speak,
} from '../helpers/audio-fixtures.js';

const need = requireAudio({ commands: ['espeak-ng'] });

async function run(
  pcm: Pcm16,
  options: Omit<EndpointerOptions, 'vad'> & { vad: VoiceActivityDetector },
): Promise<EndpointEvent[]> {
  const endpointer = createEndpointer(options);
  endpointer.start();
  const events: EndpointEvent[] = [];
  for (const frame of framesOf(pcm, 1280)) {
    events.push(...(await endpointer.push(frame)));
    if (!endpointer.listening) break;
  }
  return events;
}

/** Milliseconds between the first and last sample louder than the noise floor. */
function audibleMs(pcm: Pcm16): number {
  const loud = pcm.samples.reduce<number[]>(
    (found, sample, index) => (Math.abs(sample) > 300 ? [...found.slice(0, 1), index] : found),
    [],
  );
  return ((loud[1] ?? 0) - (loud[0] ?? 0)) / 16;
}

describe.skipIf(need.skip)('endpointing with Silero VAD', () => {
  let vad: VoiceActivityDetector;
  beforeAll(async () => {
    vad = await createSileroVad();
  });
  afterAll(async () => vad?.close?.());

  it('hears no speech in silence and in low noise', async () => {
    expect((await run(silence(6000), { vad })).map((event) => event.type)).toEqual(['no-speech']);
    expect((await run(addNoise(silence(6000), 300), { vad })).map((event) => event.type)).toEqual(['no-speech']);
  });

  it('cuts "what is the cpu usage" with the right duration, keeping a pre-roll', async () => {
    const speech = speak('what is the cpu usage', { voice: 'en-us' });
    const events = await run(padWithSilence(speech, 1000, 2000), { vad, preset: 'normal', preRollMs: 300 });
    expect(events.map((event) => event.type)).toEqual(['speech-start', 'speech-end']);
    const start = events[0]?.type === 'speech-start' ? events[0].atMs : -1;
    expect(start).toBeGreaterThan(850);
    expect(start).toBeLessThan(1150);
    const end = events[1];
    if (end?.type !== 'speech-end') throw new Error('no speech-end');
    expect(Math.abs(end.speechMs - audibleMs(speech))).toBeLessThan(200);
    expect(durationMs(end.pcm)).toBeGreaterThan(audibleMs(speech));
    expect(durationMs(end.pcm)).toBeLessThan(audibleMs(speech) + 700);
  });

  it('accepts one-word answers ("yes", "stop")', async () => {
    for (const word of ['yes', 'stop']) {
      const events = await run(padWithSilence(speak(word, { voice: 'en-us' }), 800, 1500), { vad, preset: 'fast' });
      expect(
        events.map((event) => event.type),
        word,
      ).toEqual(['speech-start', 'speech-end']);
    }
  });

  it('ignores a short blip and still catches the speech after it', async () => {
    const blip = speak('t', { voice: 'en-us', speed: 400 });
    const blipOnly = await run(concatPcm(silence(500), blip, silence(5000)), { vad, noSpeechTimeoutMs: 3000 });
    expect(blipOnly.map((event) => event.type)).toEqual(['no-speech']);
    const thenSpeech = await run(concatPcm(silence(500), blip, silence(1000), speak('yes'), silence(1500)), { vad });
    expect(thenSpeech.map((event) => event.type)).toEqual(['speech-start', 'speech-end']);
    expect(thenSpeech[0]?.type === 'speech-start' && thenSpeech[0].atMs).toBeGreaterThan(1400);
  });

  it('gives up quickly on ten minutes of silence, without an utterance', async () => {
    const startedAt = performance.now();
    const events = await run(silence(10 * 60_000), { vad, noSpeechTimeoutMs: 5000 });
    expect(events).toEqual([{ type: 'no-speech', waitedMs: expect.closeTo(5000, -2) }]);
    expect(performance.now() - startedAt).toBeLessThan(3000);
  });

  it('stops at the maximum utterance length', async () => {
    const long = speak('one two three four five six seven eight nine ten eleven twelve', { voice: 'en-us' });
    const events = await run(padWithSilence(long, 500, 1000), { vad, maxUtteranceMs: 2000 });
    expect(events.map((event) => event.type)).toEqual(['speech-start', 'max-length']);
  });

  it('accepts "stop" with the normal preset too', async () => {
    const events = await run(padWithSilence(speak('stop', { voice: 'en-us' }), 400, 1500), { vad, preRollMs: 1000 });
    expect(events.map((event) => event.type)).toEqual(['speech-start', 'speech-end']);
    const end = events[1];
    if (end?.type !== 'speech-end') throw new Error('no speech-end');
    expect(durationMs(end.pcm)).toBeLessThanOrEqual(1400);
  });
});

describe.skipIf(need.skip)('endpointing with the energy gate fallback', () => {
  it('finds speech and silence', async () => {
    const vad = createEnergyVad();
    expect((await run(silence(6000), { vad })).map((event) => event.type)).toEqual(['no-speech']);
    const events = await run(padWithSilence(speak('what is the cpu usage'), 800, 1500), { vad });
    expect(events.map((event) => event.type)).toEqual(['speech-start', 'speech-end']);
  });
});
