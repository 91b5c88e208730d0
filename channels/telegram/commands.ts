/**
 * Slash commands: /start, /help, /status (a core turn), /approvals, /voice on|off, /mute, /unmute.
 * Each command is a plain function of what it needs, registered on the bot by the channel.
 */
import type { Telegraf } from 'telegraf';
import type { ApprovalView } from '../../src/types.js';
import type { ApprovalButtons } from './approval-buttons.js';
import type { TelegramSettings } from './person-settings.js';
import type { PendingApprovals } from './ports.js';
import type { TelegramApi } from './telegram-api.js';
import type { TelegramTurn } from './turn-runner.js';

export const helpText = [
  'Ask me about your server in a message or a voice note, for example "status" or "is plex healthy?".',
  '/status - how the server is doing',
  '/approvals - actions waiting for your approval',
  '/voice on|off - also answer with voice notes',
  '/mute, /unmute - stop or resume alerts in this chat',
].join('\n');

export interface CommandOptions {
  api: TelegramApi;
  settings: TelegramSettings;
  approvals: ApprovalButtons;
  pendingFor: PendingApprovals;
  runTurn(turn: Omit<TelegramTurn, 'voiceReply' | 'modality'>): Promise<void>;
}

export function registerCommands(bot: Telegraf, dependencies: CommandOptions): void {
  const { api, settings } = dependencies;
  bot.command('start', (context) =>
    api.sendText(context.chat.id, `Hi ${context.from.first_name}. I'm sysvox, your server's assistant.\n\n${helpText}`),
  );
  bot.command('help', (context) => api.sendText(context.chat.id, helpText));
  bot.command('status', (context) =>
    dependencies.runTurn({
      chatId: context.chat.id,
      userId: context.from.id,
      displayName: context.from.first_name,
      text: 'status',
    }),
  );
  bot.command('approvals', async (context) => {
    const pending = await dependencies.pendingFor(String(context.from.id));
    await listApprovals(dependencies, context.chat.id, pending);
  });
  bot.command('voice', (context) => {
    const choice = context.payload.trim().toLowerCase();
    if (choice === 'on' || choice === 'off') settings.setVoiceReplies(context.from.id, choice === 'on');
    else if (choice !== '') return api.sendText(context.chat.id, 'Use /voice on or /voice off.');
    const enabled = settings.voiceRepliesFor(context.from.id);
    return api.sendText(context.chat.id, enabled ? 'Voice replies are on.' : 'Voice replies are off.');
  });
  bot.command('mute', (context) => {
    settings.setMuted(context.chat.id, true);
    return api.sendText(context.chat.id, 'Alerts are muted in this chat. /unmute turns them back on.');
  });
  bot.command('unmute', (context) => {
    settings.setMuted(context.chat.id, false);
    return api.sendText(context.chat.id, 'Alerts are on in this chat.');
  });
}

async function listApprovals(dependencies: CommandOptions, chatId: number, pending: ApprovalView[]): Promise<void> {
  if (pending.length === 0) {
    await dependencies.api.sendText(chatId, 'Nothing is waiting for your approval.');
    return;
  }
  for (const approval of pending) await dependencies.approvals.offer(chatId, approval);
}
