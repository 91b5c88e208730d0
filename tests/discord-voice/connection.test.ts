/**
 * The connection state machine, driven by the test: a real VoiceConnection from joinVoiceChannel over
 * the test gateway adapter, whose state the test sets as the library would after a drop. Engines are
 * fakes here (the audio path has its own test with the real ones); what is checked is what the
 * operator and the people in the call notice: it recovers, it rejoins, it gives up and says why, it
 * leaves when alone, and no error escapes.
 */
import { VoiceConnectionStatus } from '@discordjs/voice';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDiscordVoice } from '../../channels/discord/voice/load-discord-voice.js';
import type { DiscordVoiceEvent } from '../../channels/discord/voice/voice-events.js';
import type { DiscordVoiceSettings } from '../../channels/discord/voice/voice-options.js';
import type { DiscordVoice } from '../../channels/discord/voice-port.js';
import type { Core } from '../../src/core/turn.js';
import { ChannelError } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';
import { FakeStt } from '../../voice/stt/fake-stt.js';
import { FakeTts } from '../../voice/tts/fake-tts.js';
import { FakeWake } from '../../voice/wake/fake-wake.js';
import { concatPcm, silence } from '../helpers/audio-fixtures.js';
import { opusPacketsOf } from './opus-packets.js';
import { createTestVoiceGateway, type TestVoiceGateway } from './test-call.js';
import { waitForEvents } from './voice-call-app.js';

const fast: Partial<DiscordVoiceSettings> = {
  requireWakeWord: false,
  readyTimeoutMs: 400,
  reconnectGraceMs: 200,
  rejoinDelaysMs: [30, 60],
  endOfSpeechMs: 200,
};

interface Harness {
  voice: DiscordVoice;
  gateway: TestVoiceGateway;
  events: DiscordVoiceEvent[];
  logs: string[];
  asked: string[];
}

let guildCounter = 0;
const open: DiscordVoice[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((voice) => voice.stop()));
});

interface HarnessOptions {
  stt?: FakeStt;
  settings?: Partial<DiscordVoiceSettings>;
  people?: () => number;
  createWake?: () => Promise<FakeWake>;
}

async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const gateway = createTestVoiceGateway();
  const events: DiscordVoiceEvent[] = [];
  const logs: string[] = [];
  const asked: string[] = [];
  const core = {
    async *handle(turn) {
      asked.push(turn.text);
      yield { type: 'sentence', text: 'It is fine.' };
      yield { type: 'done', text: 'It is fine.', source: 'router' };
    },
  } as Pick<Core, 'handle'> as Core;
  const voice = await loadDiscordVoice({
    adapterFor: (guildId) => gateway.adapterFor(guildId),
    listenersIn: options.people,
    core,
    stt: options.stt ?? new FakeStt('fake', []),
    tts: new FakeTts(),
    createWake: options.createWake ?? (() => Promise.resolve(new FakeWake([]))),
    hooks: { speaker: (userId) => ({ userId, displayName: `user ${userId}` }), post: () => Promise.resolve() },
    settings: { ...fast, ...options.settings },
    log: createLogger({ level: 'debug', write: (line) => logs.push(line) }),
    onEvent: (event) => events.push(event),
  });
  open.push(voice);
  return { voice, gateway, events, logs, asked };
}

function request() {
  guildCounter += 1;
  return { guildId: `90000000000000000${guildCounter}`, channelId: '80000000000000001' };
}

describe('Discord voice connection', () => {
  it('joins with the gateway payload and reports where it is', async () => {
    const { voice, gateway } = await harness();
    const call = request();
    await voice.join(call);
    expect(gateway.payloads[0]).toMatchObject({
      op: 4,
      d: { guild_id: call.guildId, channel_id: call.channelId, self_deaf: false },
    });
    expect(voice.connected()).toBe(true);
    expect(voice.health()).toEqual({
      status: 'running',
      detail: `in voice channel ${call.channelId} of guild ${call.guildId}`,
    });
  });

  it('recovers when the library reconnects by itself within the grace period', async () => {
    const { voice, gateway, events } = await harness();
    const call = request();
    await voice.join(call);
    const connection = gateway.connection(call.guildId);
    gateway.drop(call.guildId, 4006);
    gateway.setStatus(call.guildId, VoiceConnectionStatus.Connecting);
    gateway.setStatus(call.guildId, VoiceConnectionStatus.Ready);
    await waitForEvents(events, (event) => event.type === 'connection' && event.status === 'recovered');
    expect(gateway.connection(call.guildId)).toBe(connection);
    expect(voice.health().status).toBe('running');
  });

  it('rejoins with a new connection when the drop is not recovered by itself', async () => {
    const { voice, gateway, events } = await harness();
    const call = request();
    await voice.join(call);
    const first = gateway.connection(call.guildId);
    gateway.drop(call.guildId, 4014);
    await waitForEvents(events, (event) => event.type === 'connection' && event.status === 'ready', 2);
    expect(first.state.status).toBe(VoiceConnectionStatus.Destroyed);
    expect(gateway.connection(call.guildId)).not.toBe(first);
    expect(voice.connected()).toBe(true);
    // Left (channel_id null) with the dead connection, then joined again.
    expect(gateway.payloads.map((payload) => payload.d.channel_id)).toEqual([call.channelId, null, call.channelId]);
  });

  it('gives up after the backoff, says why in health(), and never throws', async () => {
    const { voice, gateway, events } = await harness();
    const call = request();
    await voice.join(call);
    gateway.accepting = false;
    gateway.drop(call.guildId, 4014);
    await waitForEvents(events, (event) => event.type === 'connection' && event.status === 'down');
    const reconnecting = events.filter((event) => event.type === 'connection' && event.status === 'reconnecting');
    expect(reconnecting).toHaveLength(2);
    expect(voice.connected()).toBe(false);
    expect(voice.health().status).toBe('failed');
    expect(voice.health().detail).toMatch(/close code 4014.*2 rejoin attempts failed.*use \/join/);
    // /join works again once Discord answers.
    gateway.accepting = true;
    await voice.join(call);
    expect(voice.health().status).toBe('running');
  });

  it('a second join while the first is still connecting moves to the second channel', async () => {
    const { voice, gateway } = await harness();
    const call = request();
    const other = { ...call, channelId: '80000000000000002' };
    const first = voice.join(call);
    const second = voice.join(other);
    await expect(first).rejects.toBeInstanceOf(ChannelError);
    await second;
    expect(voice.connected()).toBe(true);
    expect(voice.health().detail).toBe(`in voice channel ${other.channelId} of guild ${call.guildId}`);
    expect(gateway.payloads.map((payload) => payload.d.channel_id)).toEqual([call.channelId, null, other.channelId]);
  });

  it('rejects join with a ChannelError when Discord never answers, and health says so', async () => {
    const { voice, gateway } = await harness();
    gateway.accepting = false;
    const call = request();
    await expect(voice.join(call)).rejects.toBeInstanceOf(ChannelError);
    expect(voice.health()).toMatchObject({
      status: 'failed',
      detail: expect.stringMatching(/could not join voice channel/),
    });
  });

  it('logs an error the connection emits instead of throwing it', async () => {
    const { voice, gateway, logs } = await harness();
    const call = request();
    await voice.join(call);
    expect(() => gateway.connection(call.guildId).emit('error', new Error('UDP socket closed'))).not.toThrow();
    expect(logs.some((line) => line.includes('UDP socket closed'))).toBe(true);
    expect(voice.health().status).toBe('running');
  });

  it('leaves when nobody has been in the call for the configured time', async () => {
    const { voice, gateway, events } = await harness({
      people: () => 0,
      settings: { leaveWhenAloneMinutes: 0.001, aloneCheckMs: 20 },
    });
    const call = request();
    await voice.join(call);
    await waitForEvents(events, (event) => event.type === 'connection' && event.status === 'left');
    expect(voice.connected()).toBe(false);
    expect(voice.health().detail).toMatch(/left: alone/);
    expect(gateway.payloads.at(-1)?.d.channel_id).toBeNull();
  });

  it('stays while someone is in the call', async () => {
    let people = 1;
    const { voice, events } = await harness({
      people: () => people,
      settings: { leaveWhenAloneMinutes: 0.001, aloneCheckMs: 20 },
    });
    await voice.join(request());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(voice.connected()).toBe(true);
    people = 0;
    await waitForEvents(events, (event) => event.type === 'connection' && event.status === 'left');
  });

  it('survives packets that do not decode and a failing STT, and answers the next request', async () => {
    const stt = new FakeStt('fake', [new Error('pocketsphinx crashed'), 'what is the uptime']);
    const { voice, gateway, events, asked, logs } = await harness({ stt });
    const call = request();
    await voice.join(call);
    const networking = gateway.networking(call.guildId);
    const speech = opusPacketsOf(concatPcm(silence(100), { sampleRate: 16000, samples: noise(8000) }));
    await networking.talk('501', 7001, [Buffer.from([0xff, 0x00, 0x13]), ...speech]);
    await waitForEvents(events, (event) => event.type === 'nothing-heard');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await networking.talk('501', 7001, speech);
    await waitForEvents(events, (event) => event.type === 'answered');
    expect(asked).toEqual(['what is the uptime']);
    expect(logs.filter((line) => /do not decode|pocketsphinx crashed/.test(line))).toHaveLength(2);
    expect(voice.health().status).toBe('running');
  });
  it("hears a speaker's next utterance that starts while the last is still being read, after it", async () => {
    // A detector slower than real time (a busy CPU): reading lags the call.
    const slowWake = new FakeWake([]);
    const process = slowWake.process.bind(slowWake);
    slowWake.process = async () => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return process();
    };
    const stt = new FakeStt('fake', ['what is the uptime', 'what is the memory usage']);
    const { voice, gateway, events, asked } = await harness({ stt, createWake: () => Promise.resolve(slowWake) });
    const call = request();
    await voice.join(call);
    const networking = gateway.networking(call.guildId);
    const speech = opusPacketsOf(concatPcm(silence(100), { sampleRate: 16000, samples: noise(16000) }));
    await networking.talk('501', 7001, speech);
    const receiver = gateway.connection(call.guildId).receiver;
    // The first stream ended (its end-of-speech silence passed) long before its 150 ms frames are read.
    for (let waited = 0; receiver.subscriptions.size > 0; waited += 20) {
      if (waited > 5000) throw new Error('the first stream never ended');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await networking.talk('501', 7001, speech);
    await waitForEvents(events, (event) => event.type === 'answered', 2);
    expect(asked).toEqual(['what is the uptime', 'what is the memory usage']);
  });

  it('says in health() when speakers cannot be heard because the wake-word model did not load', async () => {
    const createWake = () => Promise.reject(new Error('model hey_jarvis not found'));
    const { voice, gateway, logs } = await harness({ createWake });
    const call = request();
    await voice.join(call);
    await gateway.networking(call.guildId).talk('501', 7001, opusPacketsOf(silence(400)));
    await waitForLog(logs, /no wake-word detector/);
    expect(voice.health()).toMatchObject({
      status: 'running',
      detail: expect.stringMatching(
        /speakers cannot be heard: the wake-word detector did not load \(model hey_jarvis not found\)/,
      ),
    });
  });
});

function noise(length: number): Int16Array {
  const samples = new Int16Array(length);
  for (let index = 0; index < length; index++) samples[index] = Math.round(Math.sin(index / 7) * 8000);
  return samples;
}

async function waitForLog(logs: string[], pattern: RegExp): Promise<void> {
  for (let waited = 0; !logs.some((line) => pattern.test(line)); waited += 20) {
    if (waited > 5000) throw new Error(`no log line matched ${String(pattern)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
