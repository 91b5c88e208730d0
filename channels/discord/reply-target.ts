/**
 * Where a turn's messages go: a text channel or DM (plain REST posts), or the slash command that asked
 * (the deferred "thinking..." reply is edited with the first message, the rest are follow-ups). Either
 * way a message is at most 2,000 characters and pings nobody.
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow, ChatInputCommandInteraction } from 'discord.js';
import { Routes, type REST } from 'discord.js';
import { noMentions } from './reply-text.js';

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface OutgoingMessage {
  content: string;
  components?: ActionRow[];
}

export interface ReplyTarget {
  send(message: OutgoingMessage): Promise<void>;
  /** Shows "sysvox is typing..." for a while (a channel); a deferred command already shows "thinking". */
  typing(): Promise<void>;
}

/** Posts into a text channel or DM channel by id (Discord: Channel > Create Message). */
export function channelTarget(rest: REST, channelId: string): ReplyTarget {
  return {
    async send(message) {
      await rest.post(Routes.channelMessages(channelId), {
        body: { content: message.content, components: message.components ?? [], allowed_mentions: noMentions },
      });
    },
    async typing() {
      await rest.post(Routes.channelTyping(channelId));
    },
  };
}

/** Answers a deferred slash command: its first message replaces "thinking...", the others follow it. */
export function interactionTarget(interaction: ChatInputCommandInteraction): ReplyTarget {
  let answered = false;
  return {
    async send(message) {
      const payload = { content: message.content, components: message.components ?? [], allowedMentions: noMentions };
      if (answered) await interaction.followUp(payload);
      else await interaction.editReply(payload);
      answered = true;
    },
    typing: async () => undefined,
  };
}
