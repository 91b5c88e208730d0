/**
 * Discord text on the real core: createApp with the channel enabled against the fake Discord (real
 * discord.js over real sockets), the real router, policy and SQLite. Slash commands, mentions, DMs,
 * allow-lists, long answers and notices, as a person on Discord sees them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordMessageLimit } from '../../channels/discord/reply-text.js';
import { dmMessage, ids, mentionMessage, slashCommand } from '../fakes/discord-wire.js';
import { alertChannel, closedChannel, createDiscordApp, strangerUser, type DiscordApp } from './helpers/discord-app.js';

let discord: DiscordApp;
beforeAll(async () => {
  discord = await createDiscordApp();
  await discord.app.start();
  await discord.app.channelsTried();
}, 60_000);
afterAll(async () => discord?.close());

const callbacks = () => discord.fake.callsTo('POST', /^\/interactions\/.+\/callback$/);
const audited = (userId: string) =>
  discord.app.auditEntries(500).filter((row) => row.channel === 'discord' && row.detail.includes(userId));

describe('Discord on the real core', () => {
  it('logs in over the gateway without compression and keeps the heartbeat going', async () => {
    expect(discord.app.channels.find((channel) => channel.name === 'discord')?.health()).toEqual({
      status: 'running',
      detail: 'connected as sysvox, on 1 server; voice: not in a voice channel',
    });
    const identify = discord.fake.gatewayReceived.find((payload) => payload.op === 2)?.d as Record<string, unknown>;
    // Guilds, GuildMessages, GuildVoiceStates, DirectMessages; no privileged intent (Message Content, Members).
    expect(identify.intents).toBe(1 + 512 + 128 + 4096);
    expect(identify.compress).toBe(false);
    const beats = () => discord.fake.gatewayReceived.filter((payload) => payload.op === 1).length;
    const before = beats();
    discord.fake.requestHeartbeat();
    await discord.fake.waitFor(() => beats() > before);
  });

  it('registers its six slash commands on the allowed server once, not again after a restart', async () => {
    const puts = () => discord.fake.callsTo('PUT', /^\/applications\/\d+\/guilds\/\d+\/commands$/);
    expect(puts().map((call) => call.path)).toEqual([`/applications/${ids.application}/guilds/${ids.guild}/commands`]);
    expect((puts()[0]?.body as { name: string }[]).map((command) => command.name)).toEqual([
      'ask',
      'status',
      'approvals',
      'join',
      'leave',
      'voice',
    ]);
    await discord.reopen();
    await discord.app.start();
    await discord.app.channelsTried();
    expect(discord.app.channels.find((channel) => channel.name === 'discord')?.health().status).toBe('running');
    expect(puts()).toHaveLength(1);
  });

  it('answers /status in the channel: "thinking" first, then the real figures in its place', async () => {
    const command = slashCommand({ userId: ids.mason, name: 'status' });
    discord.fake.dispatch('INTERACTION_CREATE', command);
    await discord.fake.waitFor(() => discord.fake.textsIn(ids.text).some((text) => /CPU is at \d+ percent/.test(text)));
    const callback = callbacks().find((call) => call.path.includes(String(command.token)));
    expect(callback?.body).toEqual({ type: 5, data: { flags: 0 } });
    const edit = discord.fake.callsTo('PATCH', new RegExp(`/webhooks/${ids.application}/${String(command.token)}/`));
    expect((edit[0]?.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('answers /ask with the question asked', async () => {
    discord.fake.dispatch(
      'INTERACTION_CREATE',
      slashCommand({
        userId: ids.mason,
        name: 'ask',
        options: [{ type: 3, name: 'question', value: 'what is the uptime' }],
      }),
    );
    await discord.fake.waitFor(() => discord.fake.textsIn(ids.text).some((text) => /been up for/i.test(text)));
  });

  it('answers a mention in an allowed channel, without the mention in the question', async () => {
    const before = discord.fake.textsIn(ids.text).length;
    discord.fake.dispatch('MESSAGE_CREATE', mentionMessage({ userId: ids.mason, text: 'how much memory is used' }));
    await discord.fake.waitFor(() => discord.fake.textsIn(ids.text).length > before);
    expect(discord.fake.textsIn(ids.text).at(-1)).toMatch(/memory/i);
    expect(discord.fake.callsTo('POST', new RegExp(`^/channels/${ids.text}/typing$`)).length).toBeGreaterThan(0);
  });

  it('answers a DM', async () => {
    discord.fake.dispatch('MESSAGE_CREATE', dmMessage({ userId: ids.mason, text: 'what is the cpu usage' }));
    await discord.fake.waitFor(() => discord.fake.textsIn(ids.dm).some((text) => /CPU is at \d+ percent/.test(text)));
  });

  it('gives a stranger nothing at all, and audits it', async () => {
    const before = discord.fake.calls.length;
    discord.fake.dispatch('INTERACTION_CREATE', slashCommand({ userId: strangerUser, name: 'status' }));
    discord.fake.dispatch('MESSAGE_CREATE', mentionMessage({ userId: strangerUser, text: 'status' }));
    discord.fake.dispatch(
      'MESSAGE_CREATE',
      dmMessage({ userId: strangerUser, text: 'status', channelId: '319674150115610529' }),
    );
    await discord.fake.waitFor(() => audited(strangerUser).length > 0);
    // An allowed person's question afterwards is answered, so the stranger's events were handled, not pending.
    discord.fake.dispatch('MESSAGE_CREATE', mentionMessage({ userId: ids.mason, text: 'what is the cpu usage' }));
    await discord.fake.waitFor(() => discord.fake.calls.slice(before).some((call) => call.path.endsWith('/messages')));
    const sent = discord.fake.calls.slice(before);
    expect(sent.filter((call) => call.path.includes('/interactions/'))).toEqual([]);
    expect(sent.filter((call) => call.path.includes('319674150115610529'))).toEqual([]);
    // Audited once per hour per stranger, not once per event.
    expect(audited(strangerUser).map((row) => row.kind)).toEqual(['discord-stranger']);
  });

  it('ignores an allowed person in a channel that is not allow-listed, and audits the place', async () => {
    const before = discord.fake.calls.length;
    discord.fake.dispatch(
      'MESSAGE_CREATE',
      mentionMessage({ userId: ids.mason, text: 'status', channelId: closedChannel }),
    );
    discord.fake.dispatch(
      'INTERACTION_CREATE',
      slashCommand({ userId: ids.mason, name: 'status', channelId: closedChannel }),
    );
    await discord.fake.waitFor(() => audited(closedChannel).length > 0);
    expect(discord.fake.calls.slice(before).filter((call) => call.method !== 'GET')).toEqual([]);
    expect(audited(closedChannel)[0]?.kind).toBe('discord-place-not-allowed');
  });

  it('splits a long answer into messages of at most 2,000 characters, all of it, in order', async () => {
    const before = discord.fake.textsIn(ids.text).length;
    discord.fake.dispatch('MESSAGE_CREATE', mentionMessage({ userId: ids.mason, text: 'read the gate log' }));
    const last = discord.gate.logLines.at(-1) ?? '';
    await discord.fake.waitFor(() =>
      discord.fake
        .textsIn(ids.text)
        .slice(before)
        .some((text) => text.includes(last)),
    );
    const parts = discord.fake.textsIn(ids.text).slice(before);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(discordMessageLimit);
    expect(parts.join('\n').split('\n')).toEqual(discord.gate.logLines);
  });

  it('resumes after the gateway drops, and answers again', async () => {
    const resumes = () => discord.fake.gatewayReceived.filter((payload) => payload.op === 6).length;
    discord.fake.dropConnections(4000);
    await discord.fake.waitFor(() => resumes() === 1, 15_000);
    const before = discord.fake.textsIn(ids.text).length;
    discord.fake.dispatch('MESSAGE_CREATE', mentionMessage({ userId: ids.mason, text: 'what is the cpu usage' }));
    await discord.fake.waitFor(() => discord.fake.textsIn(ids.text).length > before);
    expect(discord.app.channels.find((channel) => channel.name === 'discord')?.health()).toEqual({
      status: 'running',
      detail: 'connected as sysvox, on 1 server; voice: not in a voice channel',
    });
  }, 30_000);

  it('leaves alone a message that does not mention it, and never answers a bot', async () => {
    const before = discord.fake.calls.length;
    const chat = mentionMessage({ userId: ids.mason, text: 'anyone up for a game?' });
    discord.fake.dispatch('MESSAGE_CREATE', { ...chat, content: 'anyone up for a game?', mentions: [] });
    const bot = mentionMessage({ userId: '80351110224678999', text: 'status' });
    discord.fake.dispatch('MESSAGE_CREATE', { ...bot, author: { ...(bot.author as object), bot: true } });
    discord.fake.dispatch('MESSAGE_CREATE', mentionMessage({ userId: ids.mason, text: 'what is the uptime' }));
    await discord.fake.waitFor(() => discord.fake.calls.slice(before).some((call) => call.path.endsWith('/messages')));
    const posted = discord.fake.calls.slice(before).filter((call) => call.path.endsWith('/messages'));
    expect(posted).toHaveLength(1);
    expect((posted[0]?.body as { content: string }).content).toMatch(/up for/);
    expect(audited('80351110224678999')).toEqual([]);
  });

  it('posts a notice in the alert channel', async () => {
    const deliveries = await discord.app.notify({
      key: 'alert:disk:/',
      severity: 'warning',
      text: 'The root disk is 91 percent full.',
    });
    expect(deliveries.find((delivery) => delivery.channel === 'discord')).toEqual({
      channel: 'discord',
      status: 'delivered',
      detail: `posted in channel ${alertChannel}`,
    });
    expect(discord.fake.textsIn(alertChannel)).toEqual(['The root disk is 91 percent full.']);
  });
});
