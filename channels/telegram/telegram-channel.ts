/**
 * The Telegram channel: telegraf for the Bot API client and update routing, sysvox's own long-poll
 * loop for offsets and retries, the core for every answer. createTelegramChannel is the one entry.
 */
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { TelegramConfig } from '../../src/config/telegram-schema.js';
import type { Core } from '../../src/core/turn.js';
import { ChannelError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { SpeechToText } from '../../voice/stt/stt.js';
import type { TextToSpeech } from '../../voice/tts/tts.js';
import { createAccessGate } from './access-gate.js';
import { createApprovalButtons } from './approval-buttons.js';
import { registerCommands } from './commands.js';
import { createAudioConverter, type AudioConverter } from './ogg-opus.js';
import { createTelegramSettings } from './person-settings.js';
import type { ApprovalResolver, AuditSink, KeyValueStore, PendingApprovals } from './ports.js';
import { createRedactingLogger, createTokenRedactor } from './redact-token.js';
import { createTelegramApi, type TelegramApi } from './telegram-api.js';
import { classifyFailure, unauthorizedError } from './telegram-errors.js';
import { registerMessageHandlers } from './message-handlers.js';
import { createTurnRunner } from './turn-runner.js';
import { createUpdatePoller, type UpdatePoller } from './update-poller.js';

export interface TelegramChannelOptions {
  config: { channels: { telegram: TelegramConfig }; policy: { approvers: string[] } };
  core: Core;
  approvals: ApprovalResolver;
  pendingFor?: PendingApprovals;
  stt: SpeechToText;
  tts: TextToSpeech;
  kv: KeyValueStore;
  audit: AuditSink;
  log: Logger;
  /** Test and tuning knobs; production uses the defaults. */
  telegramOptions?: {
    apiRoot?: string;
    backoff?: { initialMs: number; maxMs: number };
    chatActionIntervalMs?: number;
    converter?: AudioConverter;
    clock?: () => number;
  };
}

export type TelegramChannelState = 'idle' | 'running' | 'stopped';

export interface TelegramChannel {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** For the alert engine: sends text to every configured chat that has not muted alerts. */
  push(text: string): Promise<void>;
  state(): TelegramChannelState;
}

export const apology = 'Something went wrong on my side.';

export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const config = options.config.channels.telegram;
  if (config.token === undefined) {
    throw new ChannelError('telegram', 'Telegram token missing: set channels.telegram.token or SYSVOX_TELEGRAM_TOKEN');
  }
  const log = createRedactingLogger(options.log.child('telegram'), createTokenRedactor(config.token));
  const bot = new Telegraf(config.token, { telegram: { apiRoot: options.telegramOptions?.apiRoot ?? config.apiRoot } });
  const api = createTelegramApi({ telegram: bot.telegram, log });
  const settings = createTelegramSettings(options.kv, { voiceReplies: config.voiceReplies });
  const gate = createAccessGate({ allowedUserIds: config.allowedUserIds, approvers: options.config.policy.approvers, audit: options.audit, log, clock: options.telegramOptions?.clock });
  const approvalButtons = createApprovalButtons({ api, resolver: options.approvals, log, clock: options.telegramOptions?.clock });
  const converter = options.telegramOptions?.converter ?? createAudioConverter();
  const runner = createTurnRunner({ core: options.core, api, approvals: approvalButtons, tts: options.tts, converter, log, chatActionIntervalMs: options.telegramOptions?.chatActionIntervalMs });

  bot.use((context, next) => {
    const kind = context.callbackQuery ? 'callback' : 'message';
    return gate.admit({ userId: context.from?.id, chatId: context.chat?.id, kind }) ? next() : undefined;
  });
  registerCommands(bot, {
    api, settings, approvals: approvalButtons, pendingFor: options.pendingFor ?? (() => []),
    runTurn: (turn) => runner.run({ ...turn, modality: 'text', voiceReply: settings.voiceRepliesFor(turn.userId) }),
  });
  registerMessageHandlers(bot, { api, settings, runner, approvals: approvalButtons, stt: options.stt, converter, limits: config, log });
  bot.catch(async (error, context) => {
    log.error('a Telegram update handler failed', { updateId: context.update.update_id, error });
    if (context.chat) await api.sendText(context.chat.id, apology).catch(() => undefined);
  });

  let state: TelegramChannelState = 'idle';
  let poller: UpdatePoller | undefined;
  const handleSafely = async (update: Update) => {
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      log.error('a Telegram update could not be handled', { updateId: update.update_id, error });
    }
  };

  return {
    async start() {
      if (state === 'running') return;
      // The caller reports a failed start (once); logging it here too said a wrong token twice.
      bot.botInfo = await api.getMe().catch((error: unknown) => {
        state = 'stopped';
        if (classifyFailure(error).kind !== 'unauthorized') throw new ChannelError('telegram', 'Telegram is unreachable', { cause: error, transient: true });
        throw unauthorizedError(error);
      });
      poller = createUpdatePoller({
        api, log, handle: handleSafely, timeoutSeconds: config.pollTimeoutSeconds, backoff: options.telegramOptions?.backoff,
        offset: { load: settings.updateOffset, save: settings.saveUpdateOffset },
        onFatal(error) {
          state = 'stopped';
          log.error(error.message);
        },
      });
      state = 'running';
      log.info('Telegram channel started', { bot: bot.botInfo.username, allowedUsers: config.allowedUserIds.length });
      void poller.run();
    },
    async stop() {
      await poller?.stop();
      state = 'stopped';
    },
    push: (text) => pushToChats(api, config.pushChatIds, settings.isMuted, text, log),
    state: () => state,
  };
}

async function pushToChats(api: TelegramApi, chatIds: number[], isMuted: (chatId: number) => boolean, text: string, log: Logger): Promise<void> {
  for (const chatId of chatIds) {
    if (isMuted(chatId)) continue;
    await api.sendText(chatId, text).catch((error: unknown) => log.warn('could not push an alert to a chat', { chatId, error }));
  }
}
