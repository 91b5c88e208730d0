/**
 * The Telegram channel: telegraf for the Bot API client and update routing, sysvox's own long-poll
 * loop for offsets and retries, the core for every answer. createTelegramChannel is the one entry.
 */
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { TelegramConfig } from '../../src/config/telegram-schema.js';
import type { Channel, ChannelHealth } from '../../src/core/channel.js';
import type { Core } from '../../src/core/turn.js';
import { apology, ChannelError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { SpeechToText } from '../../voice/stt/stt.js';
import type { TextToSpeech } from '../../voice/tts/tts.js';
import { createAccessGate } from './access-gate.js';
import { createApprovalButtons } from './approval-buttons.js';
import { registerCommands } from './commands.js';
import { createAudioConverter, type AudioConverter } from './ogg-opus.js';
import { createTelegramSettings } from './person-settings.js';
import type { ApprovalResolver, AuditSink, KeyValueStore, PendingApprovals } from './ports.js';
import { notifyChats } from './notify-chats.js';
import { createRedactingLogger, createTokenRedactor } from './redact-token.js';
import { createTelegramApi } from './telegram-api.js';
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

/** notify() sends to every chat in pushChatIds that has not said /mute, with buttons for its actions. */
export type TelegramChannel = Channel;

export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const config = options.config.channels.telegram;
  if (config.token === undefined) {
    throw new ChannelError('telegram', 'Telegram token missing: set channels.telegram.token or SYSVOX_TELEGRAM_TOKEN');
  }
  const log = createRedactingLogger(options.log.child('telegram'), createTokenRedactor(config.token));
  const bot = new Telegraf(config.token, { telegram: { apiRoot: options.telegramOptions?.apiRoot ?? config.apiRoot } });
  const api = createTelegramApi({ telegram: bot.telegram, log });
  const settings = createTelegramSettings(options.kv, { voiceReplies: config.voiceReplies });
  const gate = createAccessGate({
    allowedUserIds: config.allowedUserIds,
    allowedChatIds: config.allowedChatIds,
    pushChatIds: config.pushChatIds,
    approvers: options.config.policy.approvers,
    audit: options.audit,
    log,
    clock: options.telegramOptions?.clock,
  });
  const approvalButtons = createApprovalButtons({
    api,
    resolver: options.approvals,
    log,
    clock: options.telegramOptions?.clock,
  });
  const converter = options.telegramOptions?.converter ?? createAudioConverter();
  /** Aborted by stop() (and the service's stop signal): turns in flight end instead of holding the stop. */
  let turns = new AbortController();
  const runner = createTurnRunner({
    stopping: () => turns.signal,
    core: options.core,
    api,
    approvals: approvalButtons,
    tts: options.tts,
    converter,
    log,
    chatActionIntervalMs: options.telegramOptions?.chatActionIntervalMs,
  });

  bot.use((context, next) => {
    const kind = context.callbackQuery ? 'callback' : 'message';
    const admitted = gate.admit({
      userId: context.from?.id,
      chatId: context.chat?.id,
      chatType: context.chat?.type,
      kind,
    });
    return admitted ? next() : undefined;
  });
  registerCommands(bot, {
    api,
    settings,
    approvals: approvalButtons,
    pendingFor: options.pendingFor ?? (() => []),
    runTurn: (turn) => runner.run({ ...turn, modality: 'text', voiceReply: settings.voiceRepliesFor(turn.userId) }),
  });
  registerMessageHandlers(bot, {
    api,
    settings,
    runner,
    approvals: approvalButtons,
    stt: options.stt,
    converter,
    limits: config,
    log,
  });
  const blockedChats = new Set<number>();
  bot.catch(async (error, context) => {
    const failure = classifyFailure(error);
    if (failure.kind === 'blocked') {
      // The person blocked the bot (or it left the group): an apology cannot reach them either.
      const chatId = context.chat?.id ?? 0;
      if (!blockedChats.has(chatId))
        log.warn('Telegram refused to deliver to a chat (the person blocked the bot, or it left the group)', {
          chatId,
          reason: failure.description,
        });
      blockedChats.add(chatId);
      return;
    }
    log.error('a Telegram update handler failed', { updateId: context.update.update_id, error });
    if (context.chat) await api.sendText(context.chat.id, apology).catch(() => undefined);
  });

  let health: ChannelHealth = { status: 'idle', detail: 'not started' };
  let poller: UpdatePoller | undefined;
  const handleSafely = async (update: Update) => {
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      log.error('a Telegram update could not be handled', { updateId: update.update_id, error });
    }
  };

  return {
    name: 'telegram',
    async start(signal) {
      if (health.status === 'running') return;
      if (turns.signal.aborted) turns = new AbortController();
      health = { status: 'starting', detail: 'asking Telegram who the bot is' };
      // The caller reports a failed start (once); logging it here too said a wrong token twice.
      bot.botInfo = await api.getMe().catch((error: unknown) => {
        if (classifyFailure(error).kind !== 'unauthorized') {
          health = { status: 'starting', detail: 'Telegram is unreachable; trying again' };
          throw new ChannelError(
            'telegram',
            'Telegram is unreachable: check the network and that api.telegram.org resolves',
            { cause: error, transient: true },
          );
        }
        health = { status: 'failed', detail: unauthorizedError(error).message };
        throw unauthorizedError(error);
      });
      // A webhook, once set, makes every getUpdates fail with 409; removing it keeps the pending updates.
      await api.deleteWebhook().catch((error: unknown) => {
        log.warn('could not remove a Telegram webhook; polling may fail with 409 until it is removed', { error });
      });
      poller = createUpdatePoller({
        api,
        log,
        handle: handleSafely,
        timeoutSeconds: config.pollTimeoutSeconds,
        backoff: options.telegramOptions?.backoff,
        offset: { load: settings.updateOffset, save: settings.saveUpdateOffset },
        inbox: { load: settings.updatesNotHandled, save: settings.saveUpdatesNotHandled },
        maxConcurrentUpdates: config.maxConcurrentUpdates,
        onFatal(error) {
          health = { status: 'failed', detail: error.message };
          log.error(error.message);
        },
      });
      const running = poller;
      signal.addEventListener(
        'abort',
        () => {
          turns.abort();
          void running.stop().then(() => {
            if (health.status === 'running') health = { status: 'stopped', detail: 'stopped' };
          });
        },
        { once: true },
      );
      health = {
        status: 'running',
        detail: `polling as @${bot.botInfo.username}, ${config.pushChatIds.length} push chat${config.pushChatIds.length === 1 ? '' : 's'}`,
      };
      log.info('Telegram channel started', { bot: bot.botInfo.username, allowedUsers: config.allowedUserIds.length });
      void poller.run();
    },
    async stop() {
      turns.abort();
      await poller?.stop();
      if (health.status !== 'failed') health = { status: 'stopped', detail: 'stopped' };
    },
    health: () => health,
    notify: (notice) =>
      notifyChats(notice, {
        api,
        approvals: approvalButtons,
        chatIds: config.pushChatIds,
        isMuted: settings.isMuted,
        log,
      }),
  };
}
