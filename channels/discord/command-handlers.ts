/**
 * What each slash command does: /ask and /status are core turns; /approvals lists what the person may
 * decide, each with its buttons; /join, /leave and /voice on|off drive the voice side through the seam
 * (voice-port.ts), and say plainly when there is no voice side.
 */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { apology, SysvoxError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { ApprovalButtons } from './approval-buttons.js';
import type { DiscordSettings } from './person-settings.js';
import type { PendingApprovals } from './ports.js';
import { interactionTarget } from './reply-target.js';
import { noMentions } from './reply-text.js';
import type { TurnRunner } from './turn-runner.js';
import type { DiscordVoice } from './voice-port.js';

export interface CommandOptions {
  runner: TurnRunner;
  approvals: ApprovalButtons;
  pendingFor: PendingApprovals;
  settings: DiscordSettings;
  voice: DiscordVoice | undefined;
  /** The voice channel of channels.discord.voice.channelId, used by /join when the person is in none. */
  configuredVoiceChannelId: string | undefined;
  /** Remembers which server the call is on (alerts are spoken there). */
  joined(guildId: string | undefined): void;
  log: Logger;
}

const noVoice = 'Voice is not set up on this sysvox, so I can only answer in text here.';

export async function handleCommand(interaction: ChatInputCommandInteraction, options: CommandOptions): Promise<void> {
  const name = interaction.commandName;
  if (name === 'ask' || name === 'status' || name === 'approvals') {
    await interaction.deferReply();
    if (name === 'approvals') return listApprovals(interaction, options);
    const text = name === 'ask' ? interaction.options.getString('question', true) : 'status';
    const voiceLine = options.voice ? `Voice: ${options.voice.health().detail}` : undefined;
    return options.runner.run({
      userId: interaction.user.id,
      displayName: interaction.user.displayName,
      guildId: interaction.guildId ?? undefined,
      channelId: interaction.channelId,
      text,
      target: interactionTarget(interaction),
      footer: name === 'status' ? voiceLine : undefined,
    });
  }
  if (name === 'voice') {
    const on = interaction.options.getString('mode', true) === 'on';
    if (interaction.guildId) options.settings.setSpeaksInCall(interaction.guildId, on);
    return say(
      interaction,
      on
        ? 'I will speak alerts and answers in the voice call on this server.'
        : 'I will stay quiet in the voice call on this server; answers come as text.',
    );
  }
  if (name === 'join') return join(interaction, options);
  if (name === 'leave') {
    if (!options.voice) return say(interaction, noVoice);
    await interaction.deferReply();
    await options.voice.leave(`/leave by ${interaction.user.id}`);
    await interaction.editReply({ content: 'I left the voice channel.', allowedMentions: noMentions });
    return;
  }
  await say(interaction, 'I do not know that command.', true);
}

async function join(interaction: ChatInputCommandInteraction, options: CommandOptions): Promise<void> {
  const voice = options.voice;
  if (!voice) return say(interaction, noVoice);
  const guildId = interaction.guildId;
  const named = interaction.options.getChannel('channel')?.id;
  const current = interaction.guild?.voiceStates.cache.get(interaction.user.id)?.channelId ?? undefined;
  const channelId = named ?? current ?? options.configuredVoiceChannelId;
  if (!guildId || !channelId)
    return say(interaction, 'Join a voice channel first, or name one: /join channel:<voice channel>.', true);
  await interaction.deferReply();
  try {
    await voice.join({ guildId, channelId, textChannelId: interaction.channelId });
    options.joined(guildId);
    await interaction.editReply({ content: `I joined <#${channelId}>.`, allowedMentions: noMentions });
  } catch (error) {
    options.log.warn('could not join the voice channel', { guildId, channelId, error });
    const sentence = error instanceof SysvoxError ? error.spoken : apology;
    await interaction.editReply({ content: sentence, allowedMentions: noMentions });
  }
}

async function listApprovals(interaction: ChatInputCommandInteraction, options: CommandOptions): Promise<void> {
  const pending = await options.pendingFor(interaction.user.id);
  const target = interactionTarget(interaction);
  if (pending.length === 0) return target.send({ content: 'Nothing is waiting for your approval.' });
  for (const approval of pending) await options.approvals.offer(target, approval);
}

function say(interaction: ChatInputCommandInteraction, content: string, onlyToThem = false): Promise<void> {
  const flags = onlyToThem ? MessageFlags.Ephemeral : undefined;
  return interaction.reply({ content, flags, allowedMentions: noMentions }).then(() => undefined);
}
