/**
 * A spoken approval in the call follows the microphone's rule: the confirmation must name the target.
 * Real engines, core, policy, SQLite and the private Docker engine; a test-owned container "music"
 * (a name pocketsphinx hears right, see tests/voice-e2e/voice-approval.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatPcm, requireAudio, silence, speak } from '../helpers/audio-fixtures.js';
import { testDockerHost } from '../helpers/docker-engine.js';
import { defaultWakeModels, requireModels } from '../helpers/model-fixtures.js';
import { startTestContainer, type TestContainer } from '../core/test-container.js';
import { dockerEngineReady } from '../voice-e2e/test-app.js';
import { opusPacketsOf } from './opus-packets.js';
import { createVoiceCallApp, waitForEvents, type VoiceCallApp } from './voice-call-app.js';

const audio = requireAudio({ commands: ['espeak-ng', 'pocketsphinx_continuous', 'docker'] });
const models = await requireModels(defaultWakeModels);
const ready = !audio.skip && !models.skip && dockerEngineReady();
const guildId = '1000000000000000002';

describe.skipIf(!ready)('Discord voice: a spoken approval must name the target', () => {
  let call: VoiceCallApp;
  let music: TestContainer;
  beforeAll(async () => {
    // Made before the app, so the recogniser's grammar (built from container names) includes it.
    music = startTestContainer({ prefix: 'music', name: 'music' });
    call = await createVoiceCallApp({ allowed: { '501': 'alice' }, dockerHost: testDockerHost() });
    await call.voice.join({ guildId, channelId: '2000000000000000002', textChannelId: '3000000000000000002' });
  }, 60_000);
  afterAll(async () => {
    music?.remove();
    await call?.close();
  });

  it('asks for "yes restart music", restarts on it without the wake word; a bare "yes" restarts nothing', async () => {
    const networking = call.gateway.networking(guildId);
    const say = async (...parts: Parameters<typeof concatPcm>) => {
      const before = call.events.length;
      await networking.talk('501', 7001, opusPacketsOf(concatPcm(silence(200), ...parts, silence(300))));
      const done = (event: (typeof call.events)[number]) => event.type === 'answered' || event.type === 'nothing-heard';
      await waitForEvents(call.events, done, 1, 60_000, before);
      return call.events.slice(before).find((event) => event.type === 'heard');
    };
    const ask = async () => {
      const sentBefore = call.gateway.sent.length;
      expect(await say(speak('hey jarvis'), silence(400), speak('restart music'))).toMatchObject({
        text: 'restart music',
      });
      expect(call.posts.at(-1)?.text).toMatch(/To approve by voice, say: "yes, restart music"/);
      expect(call.gateway.sent.length - sentBefore).toBeGreaterThan(50); // the request and the phrase were spoken
    };
    const first = music.startedAt();
    await ask();
    expect(music.startedAt()).toBe(first);
    // Within the approval window the confirmation needs no wake word.
    expect(await say(speak('yes restart music'))).toMatchObject({ text: 'yes restart music' });
    const second = music.startedAt();
    expect(second).not.toBe(first);
    expect(call.app.listApprovals({ all: false }).filter((row) => row.description.includes("'music'"))).toHaveLength(0);

    // A "yes" that does not name the target (given as the transcript: the narrowed grammar would not even
    // hear it) reaches the core and restarts nothing.
    await ask();
    const engines = await call.app.voice.engines();
    const transcribe = engines.stt.transcribe.bind(engines.stt);
    engines.stt.transcribe = () => Promise.resolve({ text: 'yes', engine: 'given' });
    try {
      expect(await say(speak('yes'))).toMatchObject({ text: 'yes' });
    } finally {
      engines.stt.transcribe = transcribe;
    }
    expect(music.startedAt()).toBe(second);
    expect(call.app.listApprovals({ all: false }).filter((row) => row.description.includes("'music'"))).toHaveLength(1);
  }, 150_000);
});
