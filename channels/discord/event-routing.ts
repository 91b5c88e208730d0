/**
 * Routes what the gateway delivers: a button press to the approvals, a slash command to its handler, a
 * message to the mention/DM handler; each only after the access gate admitted it. A handler that throws
 * is logged and the person gets the one apology; the gateway keeps delivering.
 */
import { Events, type Client, type Interaction, type Message } from 'discord.js';
import { apology } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { AccessGate } from './access-gate.js';
import type { ApprovalButtons } from './approval-buttons.js';
import { handleCommand, type CommandOptions } from './command-handlers.js';
import { handleMessage } from './message-handler.js';
import type { ReplyTarget } from './reply-target.js';
import { noMentions } from './reply-text.js';
import type { TurnRunner } from './turn-runner.js';

export interface EventRoutingOptions {
  gate: AccessGate;
  approvals: ApprovalButtons;
  commands: CommandOptions;
  runner: TurnRunner;
  target: (channelId: string) => ReplyTarget;
  log: Logger;
}

export function routeEvents(client: Client, options: EventRoutingOptions): void {
  const { gate, log } = options;
  const onInteraction = async (interaction: Interaction) => {
    if (!interaction.isButton() && !interaction.isChatInputCommand()) return;
    const admitted = gate.admit({
      userId: interaction.user.id,
      guildId: interaction.guildId ?? undefined,
      channelId: interaction.channelId ?? undefined,
      kind: interaction.isButton() ? 'button' : 'command',
    });
    if (!admitted) return;
    try {
      if (interaction.isButton()) await options.approvals.press(interaction);
      else await handleCommand(interaction, options.commands);
    } catch (error) {
      log.error('a Discord interaction could not be handled', { interaction: interaction.id, error });
      const answer = { content: apology, allowedMentions: noMentions };
      const reply =
        interaction.deferred || interaction.replied ? interaction.followUp(answer) : interaction.reply(answer);
      await reply.catch(() => undefined);
    }
  };
  const onMessage = async (message: Message) => {
    const dependencies = { botUserId: () => client.user?.id, gate, runner: options.runner, target: options.target };
    try {
      await handleMessage(message, dependencies);
    } catch (error) {
      log.error('a Discord message could not be handled', { message: message.id, error });
      await options
        .target(message.channelId)
        .send({ content: apology })
        .catch(() => undefined);
    }
  };
  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction));
  client.on(Events.MessageCreate, (message) => void onMessage(message));
  client.on(Events.Error, (error) => log.warn('discord.js reported an error', { error }));
}
