/**
 * Opus in -> Opus out with the real codec: espeak-ng speech becomes a speaker's 20 ms Opus packets,
 * sent as encrypted RTP to the real VoiceReceiver; sysvox hears them (openWakeWord, pocketsphinx), asks
 * the real core, speaks the answer through the real AudioPlayer, and the Opus packets it sent are
 * decoded back and read by pocketsphinx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatPcm, requireAudio, silence, speak } from '../helpers/audio-fixtures.js';
import { defaultWakeModels, requireModels } from '../helpers/model-fixtures.js';
import { readAnswers } from './answer-reader.js';
import { decodeOpusPackets, opusPacketsOf } from './opus-packets.js';
import { createVoiceCallApp, waitForEvents, type VoiceCallApp } from './voice-call-app.js';

const audio = requireAudio({ commands: ['espeak-ng', 'pocketsphinx_continuous'] });
const models = await requireModels(defaultWakeModels);
const guildId = '1000000000000000001';
const channelId = '2000000000000000001';
const textChannelId = '3000000000000000001';

describe.skipIf(audio.skip || models.skip)('Discord voice: Opus in, answer spoken back as Opus', () => {
  let call: VoiceCallApp;
  beforeAll(async () => {
    call = await createVoiceCallApp({ allowed: { '501': 'alice', '502': 'bob' } });
    await call.voice.join({ guildId, channelId, textChannelId });
  }, 60_000);
  afterAll(() => call?.close());

  it('hears "hey jarvis, what is the uptime" from an allowed speaker and says the uptime into the call', async () => {
    const networking = call.gateway.networking(guildId);
    const words = concatPcm(silence(200), speak('hey jarvis'), silence(400), speak('what is the uptime'), silence(300));
    await networking.talk('501', 7001, opusPacketsOf(words));

    const [answered] = await waitForEvents(call.events, (event) => event.type === 'answered');
    expect(call.events.find((event) => event.type === 'heard')).toMatchObject({ userId: '501', text: 'what is the uptime' });
    expect(answered).toMatchObject({ userId: '501', cutShort: false });
    expect(call.posts).toEqual([{ channelId: textChannelId, text: expect.stringMatching(/alice: what is the uptime\n.*up for/) }]);

    // What went to Discord, decoded with opusscript and read back by pocketsphinx.
    const reply = decodeOpusPackets(call.gateway.sent);
    expect(reply.samples.length / 16000).toBeGreaterThan(1);
    const read = await readAnswers(reply);
    expect(read.kinds, read.text).toEqual(['uptime']);
  }, 90_000);
});
