/**
 * Free text, voice notes and approval buttons. Text becomes a core turn; a voice note is read
 * ("I heard: ...") and becomes a spoken turn answered in voice too; a button goes to the approvals.
 */
import type { Telegraf } from 'telegraf';
import type { Logger } from '../../src/log.js';
import type { SpeechToText } from '../../voice/stt/stt.js';
import type { ApprovalButtons } from './approval-buttons.js';
import type { AudioConverter } from './ogg-opus.js';
import type { TelegramSettings } from './person-settings.js';
import type { TelegramApi } from './telegram-api.js';
import type { TurnRunner } from './turn-runner.js';
import { createVoiceNoteReader } from './voice-note.js';

export interface MessageHandlerOptions {
  api: TelegramApi;
  settings: TelegramSettings;
  runner: TurnRunner;
  approvals: ApprovalButtons;
  stt: SpeechToText;
  converter: AudioConverter;
  limits: { maxVoiceBytes: number; maxVoiceSeconds: number };
  log: Logger;
}

export function registerMessageHandlers(bot: Telegraf, dependencies: MessageHandlerOptions): void {
  const { api, settings, runner } = dependencies;
  const reader = createVoiceNoteReader({
    api,
    stt: dependencies.stt,
    converter: dependencies.converter,
    limits: dependencies.limits,
    log: dependencies.log,
  });

  bot.on('text', async (context) => {
    if (context.message.text.startsWith('/')) {
      // "/status@other_bot" in a group is for another bot: say nothing (ours, "@<our name>", is matched by the commands).
      const addressee = /^\/[^\s@]*@(\S+)/.exec(context.message.text)?.[1];
      if (addressee !== undefined && addressee.toLowerCase() !== context.me.toLowerCase()) return;
      await api.sendText(context.chat.id, 'I do not know that command. /help lists what I can do.');
      return;
    }
    const voiceReply = settings.voiceRepliesFor(context.from.id);
    await runner.run({
      chatId: context.chat.id,
      userId: context.from.id,
      displayName: context.from.first_name,
      text: context.message.text,
      modality: 'text',
      voiceReply,
    });
  });

  bot.on('voice', async (context) => {
    const chatId = context.chat.id;
    await api.chatAction(chatId, 'typing').catch(() => undefined);
    const result = await reader.read(context.message.voice);
    if (result.kind === 'refused') {
      await api.sendText(chatId, result.reply);
      return;
    }
    await api.sendText(chatId, `I heard: ${result.text}`);
    await runner.run({
      chatId,
      userId: context.from.id,
      displayName: context.from.first_name,
      text: result.text,
      modality: 'voice',
      // A voice note is answered in voice unless the person said /voice off.
      voiceReply: settings.voiceRepliesFor(context.from.id, true),
    });
  });

  bot.on('callback_query', async (context) => {
    const query = context.callbackQuery;
    const message = query.message;
    await dependencies.approvals.press({
      callbackQueryId: query.id,
      data: 'data' in query ? query.data : '',
      userId: query.from.id,
      chatId: message?.chat.id,
      messageId: message?.message_id,
      messageText: message && 'text' in message ? message.text : undefined,
    });
  });
}
