/**
 * The text side's half of the voice seam (voice-port.ts): who may speak to sysvox in a call (the same
 * allow-lists as text, refusals audited the same way) under which name, and posting into a text
 * channel. Linked identities need nothing here: the people store maps a linked Discord id to the
 * same person as the other channel's id (src/app/wire-discord.ts applies the links).
 */
import type { Client } from 'discord.js';
import type { AccessGate } from './access-gate.js';
import { channelTarget } from './reply-target.js';
import { formatReply } from './reply-text.js';
import type { DiscordVoiceHooks } from './voice-port.js';

export function createVoiceHooks(options: { client: Client; gate: AccessGate }): DiscordVoiceHooks {
  const { client, gate } = options;
  return {
    speaker(userId, guildId) {
      if (!gate.admitSpeaker(userId, guildId)) return null;
      const member = client.guilds.cache.get(guildId)?.members.cache.get(userId);
      const user = client.users.cache.get(userId);
      return { userId, displayName: member?.displayName ?? user?.displayName ?? `discord:${userId}` };
    },
    async post(textChannelId, text) {
      const target = channelTarget(client.rest, textChannelId);
      for (const content of formatReply(text)) await target.send({ content });
    },
  };
}
