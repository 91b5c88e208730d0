/**
 * The recorded Discord wire examples (tests/fakes/discord-wire/*.json, from Discord's documentation) and
 * the events tests send, built from them: only ids, names and texts change, the shape stays the
 * documented one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = join(import.meta.dirname, 'discord-wire');

export interface WireExample {
  source: string;
  payload?: { op: number; s?: number; t?: string; d: Record<string, unknown> };
  request?: { method: string; path: string; body?: unknown };
  status?: number;
  response?: unknown;
}

export function wireExample(name: string): WireExample {
  return JSON.parse(readFileSync(join(folder, name), 'utf8')) as WireExample;
}

const data = (name: string) => structuredClone(wireExample(name).payload?.d ?? {});

/** Ids from the examples: the guild, its text and voice channel, the bot, the application, Mason. */
export const ids = {
  guild: '290926798626357999',
  text: '645027906669510667',
  voice: '155101607195836416',
  bot: '80351110224678912',
  application: '290926444748734465',
  mason: '53908232506183680',
  dm: '319674150115610528',
} as const;

export function botUser(): Record<string, unknown> {
  return (data('ready.json').user ?? {}) as Record<string, unknown>;
}

export function readyEvent(guildIds: string[]): Record<string, unknown> {
  return { ...data('ready.json'), guilds: guildIds.map((id) => ({ id, unavailable: true })) };
}

const person = (userId: string, name: string) => ({
  id: userId,
  username: name,
  discriminator: '0',
  avatar: 'a_d5efa99b3eeaa7dd43acca82f5692432',
  public_flags: 0,
  global_name: null,
});

/** GUILD_CREATE for the example guild; `voiceStates` puts people in its voice channel. */
export function guildCreate(
  options: { id?: string; voiceStates?: { userId: string; channelId: string }[] } = {},
): Record<string, unknown> {
  const guild = data('guild-create.json');
  const id = options.id ?? ids.guild;
  const channels = (guild.channels as Record<string, unknown>[]).map((channel) => ({ ...channel, guild_id: id }));
  const voiceStates = (options.voiceStates ?? []).map((state) => ({
    guild_id: id,
    channel_id: state.channelId,
    user_id: state.userId,
    session_id: `session-${state.userId}`,
    deaf: false,
    mute: false,
    self_deaf: false,
    self_mute: false,
    self_video: false,
    suppress: false,
    request_to_speak_timestamp: null,
  }));
  // Discord sends the members who sit in a voice channel with GUILD_CREATE, beside their voice states.
  const inCall = (options.voiceStates ?? []).map((state) => ({
    user: person(state.userId, `user${state.userId.slice(-4)}`),
    nick: null,
    roles: [],
    joined_at: '2026-03-13T19:19:14.040000+00:00',
    deaf: false,
    mute: false,
    flags: 0,
  }));
  const members = [...(guild.members as unknown[]), ...inCall];
  return { ...guild, id, channels, members, voice_states: voiceStates };
}

let interactionCount = 0;

/** A slash command (INTERACTION_CREATE, type 2) from `userId` in a guild text channel. */
export function slashCommand(options: {
  userId: string;
  name: string;
  options?: { type: number; name: string; value: unknown }[];
  channelId?: string;
  guildId?: string;
  resolved?: Record<string, unknown>;
}): Record<string, unknown> {
  const interaction = data('interaction-create-command.json');
  interactionCount += 1;
  const guildId = options.guildId ?? ids.guild;
  const channelId = options.channelId ?? ids.text;
  return {
    ...interaction,
    id: String(786008729715212338n + BigInt(interactionCount)),
    token: `command-token-${interactionCount}`,
    guild_id: guildId,
    channel_id: channelId,
    channel: { ...(interaction.channel as object), id: channelId, guild_id: guildId },
    member: { ...(interaction.member as object), user: person(options.userId, `user${options.userId.slice(-4)}`) },
    data: {
      ...(interaction.data as object),
      name: options.name,
      options: options.options ?? [],
      ...(options.resolved ? { resolved: options.resolved } : {}),
    },
  };
}

/** A button press (INTERACTION_CREATE, type 3) on a message the bot sent. */
export function buttonPress(options: {
  userId: string;
  customId: string;
  message: { id: string; channel_id: string; content: string; components: unknown[] };
  guildId?: string;
}): Record<string, unknown> {
  const interaction = data('interaction-create-button.json');
  interactionCount += 1;
  const guildId = options.guildId ?? ids.guild;
  const inDm = options.message.channel_id === ids.dm;
  const template = interaction.message as Record<string, unknown>;
  const base: Record<string, unknown> = {
    ...interaction,
    id: String(846462639134605312n + BigInt(interactionCount)),
    token: `button-token-${interactionCount}`,
    channel_id: options.message.channel_id,
    message: { ...template, ...options.message },
    data: { custom_id: options.customId, component_type: 2 },
  };
  const user = person(options.userId, `user${options.userId.slice(-4)}`);
  if (inDm) {
    const { member: _member, guild_id: _guild, guild_locale: _locale, ...rest } = base;
    return { ...rest, user, context: 1, channel: { id: ids.dm, type: 1 } };
  }
  return {
    ...base,
    guild_id: guildId,
    channel: { ...(interaction.channel as object), id: options.message.channel_id, guild_id: guildId },
    member: { ...(interaction.member as object), user },
  };
}

let messageCount = 0;

/** A message's author as the example writes it (no public_flags there), with this person's id and name. */
function messageAuthor(template: unknown, userId: string) {
  const { public_flags: _flags, ...user } = person(userId, `user${userId.slice(-4)}`);
  return { ...(template as object), ...user };
}

/** MESSAGE_CREATE that mentions the bot in a guild text channel. */
export function mentionMessage(options: { userId: string; text: string; channelId?: string; guildId?: string }) {
  messageCount += 1;
  const message = data('message-create-mention.json');
  return {
    ...message,
    id: String(334385199974967042n + BigInt(messageCount)),
    author: messageAuthor(message.author, options.userId),
    content: `<@${ids.bot}> ${options.text}`,
    channel_id: options.channelId ?? ids.text,
    guild_id: options.guildId ?? ids.guild,
  };
}

/** MESSAGE_CREATE in a DM (no guild_id, no member). */
export function dmMessage(options: { userId: string; text: string; channelId?: string }) {
  messageCount += 1;
  const message = data('message-create-dm.json');
  return {
    ...message,
    id: String(334385199974967042n + BigInt(messageCount)),
    author: messageAuthor(message.author, options.userId),
    content: options.text,
    channel_id: options.channelId ?? ids.dm,
  };
}
