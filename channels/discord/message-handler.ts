/**
 * Messages: a DM to the bot, or a message that mentions it in a text channel, becomes a core turn
 * (the mention itself is taken out of the question). Anything else in a server is ordinary chat among
 * people and is left alone; bots, sysvox included, are never answered.
 */
import type { Message } from 'discord.js';
import type { AccessGate } from './access-gate.js';
import type { ReplyTarget } from './reply-target.js';
import type { TurnRunner } from './turn-runner.js';

export const helpText =
  'Ask me about your server, for example "status" or "is plex healthy?". Slash commands: /ask, /status, /approvals, /join, /leave, /voice on|off.';

export interface MessageHandlerOptions {
  botUserId: () => string | undefined;
  gate: AccessGate;
  runner: TurnRunner;
  target: (channelId: string) => ReplyTarget;
}

/** The question without the bot's own mention (<@id> or the older <@!id>). */
export function questionOf(content: string, botUserId: string): string {
  return content
    .replace(new RegExp(`<@!?${botUserId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function handleMessage(message: Message, options: MessageHandlerOptions): Promise<void> {
  const botUserId = options.botUserId();
  if (message.author.bot || botUserId === undefined) return;
  const inDm = message.guildId === null;
  if (!inDm && !message.mentions.users.has(botUserId)) return;
  const admitted = options.gate.admit({
    userId: message.author.id,
    guildId: message.guildId ?? undefined,
    channelId: message.channelId,
    kind: 'message',
  });
  if (!admitted) return;
  const target = options.target(message.channelId);
  const question = questionOf(message.content, botUserId);
  if (question === '') {
    await target.send({ content: helpText });
    return;
  }
  await options.runner.run({
    userId: message.author.id,
    displayName: message.member?.displayName ?? message.author.displayName,
    guildId: message.guildId ?? undefined,
    channelId: message.channelId,
    text: question,
    target,
  });
}
