/**
 * Opus in -> Opus out with the real codec: espeak-ng speech becomes a speaker's 20 ms Opus packets,
 * sent as encrypted RTP to the real VoiceReceiver; sysvox hears them (openWakeWord, pocketsphinx), asks
 * the real core, speaks the answer through the real AudioPlayer, and the Opus packets it sent are
 * decoded back and read by pocketsphinx.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
  beforeEach(() => {
    call.events.length = 0;
    call.posts.length = 0;
    call.gateway.sent.length = 0;
  });

  it('hears "hey jarvis, what is the uptime" from an allowed speaker and says the uptime into the call', async () => {
    const networking = call.gateway.networking(guildId);
    const words = concatPcm(silence(200), speak('hey jarvis'), silence(400), speak('what is the uptime'), silence(300));
    await networking.talk('501', 7001, opusPacketsOf(words));

    const [answered] = await waitForEvents(call.events, (event) => event.type === 'answered');
    expect(call.events.find((event) => event.type === 'heard')).toMatchObject({
      userId: '501',
      text: 'what is the uptime',
    });
    expect(answered).toMatchObject({ userId: '501', cutShort: false });
    expect(call.posts).toEqual([
      { channelId: textChannelId, text: expect.stringMatching(/alice: what is the uptime\n.*up for/) },
    ]);

    // What went to Discord, decoded with opusscript and read back by pocketsphinx.
    const reply = decodeOpusPackets(call.gateway.sent);
    expect(reply.samples.length / 16000).toBeGreaterThan(1);
    const read = await readAnswers(reply);
    expect(read.kinds, read.text).toEqual(['uptime']);
  }, 90_000);

  it('answers two speakers talking at once, one after the other, and never subscribes to a stranger', async () => {
    const networking = call.gateway.networking(guildId);
    const receiver = call.gateway.connection(guildId).receiver;
    const subscribed: string[] = [];
    const subscribe = receiver.subscribe.bind(receiver);
    receiver.subscribe = (userId, options) => {
      subscribed.push(userId);
      return subscribe(userId, options);
    };
    const uptime = concatPcm(
      silence(200),
      speak('hey jarvis'),
      silence(400),
      speak('what is the uptime'),
      silence(300),
    );
    const memory = concatPcm(
      silence(600),
      speak('hey jarvis'),
      silence(400),
      speak('what is the memory usage'),
      silence(300),
    );
    const stranger = concatPcm(
      silence(100),
      speak('hey jarvis'),
      silence(400),
      speak('what is the cpu usage'),
      silence(300),
    );
    await Promise.all([
      networking.talk('501', 7001, opusPacketsOf(uptime)),
      networking.talk('502', 7002, opusPacketsOf(memory)),
      networking.talk('666', 7666, opusPacketsOf(stranger)),
    ]);

    const answered = await waitForEvents(call.events, (event) => event.type === 'answered', 2);
    expect(answered.map((event) => 'userId' in event && event.userId)).toEqual(['501', '502']);
    const heard = call.events.filter((event) => event.type === 'heard');
    expect(heard).toEqual([
      { type: 'heard', userId: '501', text: 'what is the uptime' },
      { type: 'heard', userId: '502', text: 'what is the memory usage' },
    ]);
    // The stranger was looked up, refused, and their audio never subscribed (so never decrypted or decoded).
    expect(call.events).toContainEqual({ type: 'ignored', userId: '666' });
    expect(subscribed.sort()).toEqual(['501', '502']);
    expect(call.posts.map((post) => post.text.split('\n')[0])).toEqual([
      '🎙️ alice: what is the uptime',
      '🎙️ bob: what is the memory usage',
    ]);
    // Both answers went out into the call, whole and in that order.
    const read = await readAnswers(decodeOpusPackets(call.gateway.sent));
    expect(read.kinds, read.text).toEqual(['uptime', 'memory']);
  }, 120_000);

  it('needs the wake word: a question without it is not answered, the next one with it is', async () => {
    const networking = call.gateway.networking(guildId);
    await networking.talk(
      '501',
      7001,
      opusPacketsOf(concatPcm(silence(200), speak('what is the cpu usage'), silence(300))),
    );
    await new Promise((resolve) => setTimeout(resolve, 1200)); // the end-of-speech silence: a separate utterance
    const asked = concatPcm(
      silence(200),
      speak('hey jarvis'),
      silence(400),
      speak('what is the memory usage'),
      silence(300),
    );
    await networking.talk('501', 7001, opusPacketsOf(asked));
    await waitForEvents(call.events, (event) => event.type === 'answered');
    expect(call.events.filter((event) => event.type === 'heard')).toEqual([
      { type: 'heard', userId: '501', text: 'what is the memory usage' },
    ]);
  }, 90_000);

  it('stops speaking when someone says "stop" while it talks, and when someone says the wake word', async () => {
    const networking = call.gateway.networking(guildId);
    const notice = Array.from({ length: 6 }, (_, index) => `This is a long notice, sentence ${index + 1} of six.`);
    for (const by of ['stop-word', 'wake-word'] as const) {
      call.events.length = 0;
      call.gateway.sent.length = 0;
      const spoken = call.voice.speak(notice.join(' '));
      for (let waited = 0; call.gateway.sent.length < 50; waited += 20) {
        if (waited > 30_000) throw new Error('the notice never started playing');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const words = by === 'stop-word' ? speak('stop') : speak('hey jarvis');
      await networking.talk('502', 7002, opusPacketsOf(concatPcm(silence(200), words, silence(300))));
      await spoken;
      expect(call.events).toContainEqual({ type: 'barge-in', userId: '502', by });
      // Six sentences take well over 10 s to say: the call heard only the start of them.
      expect(call.gateway.sent.length * 20).toBeLessThan(8000);
    }
  }, 90_000);

  it('with no wake word required, answers each utterance of an allowed speaker, a leading wake word cut off', async () => {
    const open = { guildId: '1000000000000000009', channelId: '2000000000000000009' };
    const voice = call.createVoice({ requireWakeWord: false });
    await voice.join(open);
    const networking = call.gateway.networking(open.guildId);
    await networking.talk(
      '502',
      7002,
      opusPacketsOf(concatPcm(silence(200), speak('what is the memory usage'), silence(300))),
    );
    await waitForEvents(call.events, (event) => event.type === 'answered');
    const withWake = concatPcm(
      silence(200),
      speak('hey jarvis'),
      silence(400),
      speak('what is the cpu usage'),
      silence(300),
    );
    await networking.talk('502', 7002, opusPacketsOf(withWake));
    await waitForEvents(call.events, (event) => event.type === 'answered', 2);
    expect(call.events.filter((event) => event.type === 'heard')).toEqual([
      { type: 'heard', userId: '502', text: 'what is the memory usage' },
      { type: 'heard', userId: '502', text: 'what is the cpu usage' },
    ]);
    const read = await readAnswers(decodeOpusPackets(call.gateway.sent));
    expect(read.kinds, read.text).toEqual(['memory', 'cpu']);

    // "stop" is still a barge-in, not a question.
    call.gateway.sent.length = 0;
    const spoken = voice.speak(
      Array.from({ length: 6 }, (_, index) => `Notice sentence ${index + 1} of six.`).join(' '),
    );
    for (let waited = 0; call.gateway.sent.length < 50; waited += 20) {
      if (waited > 30_000) throw new Error('the notice never started playing');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await networking.talk('502', 7002, opusPacketsOf(concatPcm(silence(200), speak('stop'), silence(300))));
    await spoken;
    expect(call.events).toContainEqual({ type: 'barge-in', userId: '502', by: 'stop-word' });
    expect(call.events.filter((event) => event.type === 'heard')).toHaveLength(2);
    await voice.leave('test done');
  }, 90_000);
});
