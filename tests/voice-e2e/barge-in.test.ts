import { describe, expect, it } from 'vitest';
import { createRecordingSink } from '../../channels/local/audio-sinks.js';
import type { LocalChannelEvent } from '../../channels/local/ports.js';
import { voiceSchema } from '../../src/config/voice-schema.js';
import { silentLogger } from '../../src/log.js';
import { createVoiceApp } from '../../src/app/wire-voice.js';
import { concatPcm, framesOf, requireAudio, silence, speak } from '../helpers/audio-fixtures.js';
import { routerLexicon } from '../helpers/router-areas.js';
import { ScriptedCore, paced } from '../local-channel/channel-fakes.js';

const requirement = requireAudio({ commands: ['espeak-ng', 'pocketsphinx_continuous'] });

/** Real wake word, Silero, pocketsphinx and espeak-ng; a scripted core with a long answer; a sink that plays in real time. */
function setup(sinkSpeed: number) {
  const core = new ScriptedCore([
    {
      sentences: [
        'The first sentence of a long answer takes a few seconds to say.',
        'Here is a second sentence.',
        'And here is a third one.',
      ],
    },
  ]);
  const voice = createVoiceApp({
    config: voiceSchema.parse({ stt: { engines: ['pocketsphinx'] }, tts: { engines: ['espeak-ng'] }, earcons: false }),
    core,
    vocabulary: async () => ({ container: ['plex-server'], host: [], mount: ['/'] }),
    lexicon: routerLexicon(),
    timings: { record: () => {} },
    dataDir: '/tmp',
    log: silentLogger,
  });
  const sink = createRecordingSink({ realtimeSpeed: sinkSpeed });
  return { core, voice, sink };
}

async function runWithInterruption(interruption: ReturnType<typeof speak>, sinkSpeed = 1) {
  const parts = setup(sinkSpeed);
  const audio = concatPcm(
    silence(400),
    speak('hey jarvis'),
    silence(400),
    speak('what is the cpu usage'),
    silence(3000),
    interruption,
    silence(2500),
  );
  const events: LocalChannelEvent[] = [];
  // 80 ms frames every 20 ms: the mic runs at 4x while the sink plays at real time.
  await parts.voice.runChannel({
    source: paced([...framesOf(audio, 1280)], 20),
    sink: parts.sink,
    waitForReplies: false,
    onEvent: (event) => events.push(event),
  });
  await parts.voice.close();
  if (process.env.SYSVOX_TEST_DEBUG) console.log(JSON.stringify(events));
  const playedSeconds = parts.sink.chunks.reduce(
    (total, recorded) => total + recorded.chunk.pcm.length / 2 / recorded.chunk.sampleRate,
    0,
  );
  return { ...parts, events, playedSeconds };
}

describe.skipIf(requirement.skip)('barge-in with real engines', () => {
  it('a spoken "stop" during the answer stops playback within 100 ms of being recognised', async () => {
    const result = await runWithInterruption(speak('stop', { speed: 120 }));
    const bargeIn = result.events.find(
      (event): event is Extract<LocalChannelEvent, { type: 'barge-in' }> => event.type === 'barge-in',
    );
    expect(bargeIn?.by).toBe('stop-word');
    expect(bargeIn!.stoppedWithinMs).toBeLessThan(100);
    expect(result.sink.stops.length).toBeGreaterThanOrEqual(1);
    // What a listener notices: the answer is cut and nothing of it plays after the stop (earcons are off).
    expect(result.sink.chunks.filter((recorded) => recorded.at >= result.sink.stops[0]!)).toEqual([]);
    expect(result.events.some((event) => event.type === 'answered')).toBe(false);
    expect(result.core.turns).toHaveLength(1);
  }, 60_000);

  it('a short blip during the answer does not stop it', async () => {
    const blip = {
      sampleRate: 16000 as const,
      samples: Int16Array.from({ length: 1600 }, (_, index) =>
        Math.round(12000 * Math.sin((2 * Math.PI * 220 * index) / 16000)),
      ),
    };
    const result = await runWithInterruption(blip, 2);
    expect(result.events.some((event) => event.type === 'barge-in')).toBe(false);
    expect(result.events.some((event) => event.type === 'answered')).toBe(true);
  }, 60_000);
});
