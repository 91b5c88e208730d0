/**
 * The text side's use of the voice seam (voice-port.ts): /join (the caller's voice channel, a named
 * one, or a clear answer), /leave, /voice on|off, /status with voice's state, notify() speaking only
 * into a quiet call, and the hooks the voice side calls back with (allow-listed speakers, posting).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { guildCreate, ids, mentionMessage, slashCommand } from '../fakes/discord-wire.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';
import { startChannelHarness, type ChannelHarness } from './helpers/channel-harness.js';
import { createRecordingVoice, type RecordingVoice } from './helpers/recording-voice.js';

const alertChannel = '645027906669510668';
let fake: FakeDiscord;
let harness: ChannelHarness;
let voice: RecordingVoice;
afterEach(async () => {
  await harness.channel.stop();
  await fake.close();
});

async function start(options: { inCall?: boolean; withVoice?: boolean } = {}) {
  fake = await startFakeDiscord({
    guilds: [guildCreate({ voiceStates: options.inCall ? [{ userId: ids.mason, channelId: ids.voice }] : [] })],
  });
  voice = createRecordingVoice();
  harness = startChannelHarness({
    apiRoot: fake.apiRoot,
    token: fake.token,
    voice: options.withVoice === false ? undefined : voice,
    discord: { alertChannelId: alertChannel },
  });
  await harness.channel.start(new AbortController().signal);
}

/** Sends a slash command and resolves with every text the person saw in answer to it. */
async function command(
  name: string,
  options: { type: number; name: string; value: unknown }[] = [],
  resolved?: Record<string, unknown>,
) {
  const interaction = slashCommand({ userId: ids.mason, name, options, resolved });
  const token = String(interaction.token);
  fake.dispatch('INTERACTION_CREATE', interaction);
  const answered = () =>
    fake.calls.filter(
      (call) =>
        (call.path.includes(`/${token}/callback`) && (call.body as { type: number }).type === 4) ||
        call.path.includes(`/webhooks/${ids.application}/${token}`),
    );
  await fake.waitFor(() => answered().length > 0);
  return answered().map((call) => {
    const body = call.body as { data?: { content: string; flags?: number }; content?: string; flags?: number };
    return { content: body.data?.content ?? body.content, flags: body.data?.flags ?? body.flags };
  });
}

describe('the Discord text side and the voice seam', () => {
  it('/join joins the voice channel the person sits in, posting to the channel they asked from', async () => {
    await start({ inCall: true });
    expect(await command('join')).toEqual([{ content: `I joined <#${ids.voice}>.`, flags: undefined }]);
    expect(voice.joins).toEqual([{ guildId: ids.guild, channelId: ids.voice, textChannelId: ids.text }]);
  });

  it('/join says what to do when the person is in no call, and passes on why a join failed', async () => {
    await start();
    expect(await command('join')).toEqual([
      { content: 'Join a voice channel first, or name one: /join channel:<voice channel>.', flags: 64 },
    ]);
    voice.failNextJoin();
    const named = [{ type: 7, name: 'channel', value: ids.voice }];
    // Discord resolves a channel option into data.resolved.channels (Application Commands > Resolved Data).
    const resolved = {
      channels: { [ids.voice]: { id: ids.voice, type: 2, name: 'Lounge', permissions: '1071698660929' } },
    };
    expect(await command('join', named, resolved)).toEqual([
      { content: "I couldn't join that voice channel.", flags: undefined },
    ]);
    expect(voice.joins).toEqual([{ guildId: ids.guild, channelId: ids.voice, textChannelId: ids.text }]);
    expect(harness.channel.health().status).toBe('running');
  });

  it('/leave leaves; without a voice side /join and /leave say so plainly', async () => {
    await start({ inCall: true });
    await command('join');
    expect(await command('leave')).toEqual([{ content: 'I left the voice channel.', flags: undefined }]);
    expect(voice.leaves).toEqual([`/leave by ${ids.mason}`]);
    await harness.channel.stop();
    await fake.close();
    await start({ withVoice: false });
    const noVoice = 'Voice is not set up on this sysvox, so I can only answer in text here.';
    expect(await command('join')).toEqual([{ content: noVoice, flags: undefined }]);
  });

  it('/status adds how voice is doing under the answer', async () => {
    await start({ inCall: true });
    await command('join');
    const texts = await command('status');
    expect(texts.at(-1)?.content).toBe('CPU is at 3 percent.\n\nVoice: in Lounge');
  });

  it('speaks answers and alerts in a quiet call, not after /voice off, and never over people talking', async () => {
    await start({ inCall: true });
    await command('join');
    fake.dispatch('MESSAGE_CREATE', mentionMessage({ userId: ids.mason, text: 'status' }));
    await fake.waitFor(() => voice.spoken.length === 1);
    expect(voice.spoken).toEqual(['CPU is at 3 percent.']);

    const notice = { key: 'alert:disk:/', severity: 'warning' as const, text: 'The root disk is 91 percent full.' };
    expect(await harness.channel.notify(notice)).toEqual({
      status: 'delivered',
      detail: `posted in channel ${alertChannel}; spoken in the voice call`,
    });
    voice.setQuiet(false);
    expect((await harness.channel.notify(notice)).detail).toBe(`posted in channel ${alertChannel}`);
    voice.setQuiet(true);
    expect(await command('voice', [{ type: 3, name: 'mode', value: 'off' }])).toEqual([
      { content: 'I will stay quiet in the voice call on this server; answers come as text.', flags: undefined },
    ]);
    expect((await harness.channel.notify(notice)).detail).toBe(`posted in channel ${alertChannel}`);
    expect(voice.spoken).toEqual(['CPU is at 3 percent.', notice.text]);
    expect(fake.textsIn(alertChannel)).toEqual([notice.text, notice.text, notice.text]);
  });

  it('gives the voice side allow-listed speakers by name, audits a stranger, and posts into a text channel', async () => {
    await start({ inCall: true });
    const hooks = harness.channel.voiceHooks;
    expect(hooks.speaker(ids.mason, ids.guild)).toEqual({ userId: ids.mason, displayName: 'user3680' });
    expect(hooks.speaker('53908232506183699', ids.guild)).toBeNull();
    expect(hooks.speaker(ids.mason, '290926798626357000')).toBeNull();
    expect(harness.audits.map((entry) => entry.kind)).toEqual(['discord-stranger', 'discord-place-not-allowed']);
    await hooks.post(ids.text, 'I heard: how is the disk');
    expect(fake.textsIn(ids.text)).toEqual(['I heard: how is the disk']);
  });
});
