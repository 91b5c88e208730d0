/**
 * The only code of the channel that talks to the Bot API. Every outgoing call waits out a 429's
 * retry_after and tries again (bounded); text goes out as escaped HTML, split at 4096 characters.
 */
import type { Telegram } from 'telegraf';
import type { Update, UserFromGetMe } from 'telegraf/types';
import type { Logger } from '../../src/log.js';
import { formatReply } from './format-reply.js';
import { classifyFailure } from './telegram-errors.js';

export type InlineKeyboard = { text: string; callback_data: string }[][];

export interface TelegramApi {
  getMe(): Promise<UserFromGetMe>;
  /** Removes a webhook, if one was ever set, so getUpdates works; pending updates are kept. */
  deleteWebhook(): Promise<void>;
  getUpdates(args: { offset: number; timeoutSeconds: number; signal?: AbortSignal }): Promise<Update[]>;
  /** Sends plain text (escaped here); returns the message ids, one per 4096-character piece. */
  sendText(chatId: number, text: string, options?: { keyboard?: InlineKeyboard }): Promise<number[]>;
  editText(chatId: number, messageId: number, text: string): Promise<void>;
  chatAction(chatId: number, action: 'typing' | 'record_voice'): Promise<void>;
  answerCallback(callbackQueryId: string, text?: string): Promise<void>;
  /** getFile, then the download; refuses files over maxBytes without reading them all. */
  downloadFile(fileId: string, maxBytes: number, signal?: AbortSignal): Promise<Buffer>;
  sendVoice(chatId: number, ogg: Buffer): Promise<void>;
}

export interface TelegramApiOptions {
  telegram: Telegram;
  log: Logger;
  sleep?: (milliseconds: number) => Promise<void>;
  fetchFile?: typeof fetch;
  /** Longest retry_after honoured before giving up on a call. */
  maxRetryAfterSeconds?: number;
}

const defaultSleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

export function createTelegramApi(options: TelegramApiOptions): TelegramApi {
  const { telegram, log } = options;
  const retry = createRateLimitRetry(options);
  return {
    getMe: () => telegram.getMe(),
    async deleteWebhook() {
      await retry('deleteWebhook', () => telegram.deleteWebhook({ drop_pending_updates: false }));
    },
    getUpdates({ offset, timeoutSeconds, signal }) {
      // telegraf types the signal as the abort-controller polyfill's; the platform one is what node-fetch uses.
      const callOptions = { signal } as unknown as Parameters<Telegram['callApi']>[2];
      const payload = {
        offset,
        timeout: timeoutSeconds,
        allowed_updates: ['message' as const, 'callback_query' as const],
      };
      return telegram.callApi('getUpdates', payload, callOptions);
    },
    async sendText(chatId, text, sendOptions = {}) {
      const pieces = formatReply(text);
      const ids: number[] = [];
      for (const [index, piece] of pieces.entries()) {
        const isLast = index === pieces.length - 1;
        const keyboard =
          isLast && sendOptions.keyboard ? { reply_markup: { inline_keyboard: sendOptions.keyboard } } : {};
        const message = await retry('sendMessage', () =>
          telegram.sendMessage(chatId, piece, { parse_mode: 'HTML', ...keyboard }),
        );
        ids.push(message.message_id);
      }
      return ids;
    },
    async editText(chatId, messageId, text) {
      const [first = ''] = formatReply(text);
      await retry('editMessageText', () =>
        telegram.editMessageText(chatId, messageId, undefined, first, { parse_mode: 'HTML' }),
      );
    },
    async chatAction(chatId, action) {
      await retry('sendChatAction', () => telegram.sendChatAction(chatId, action));
    },
    async answerCallback(callbackQueryId, text) {
      await retry('answerCallbackQuery', () => telegram.answerCbQuery(callbackQueryId, text));
    },
    async downloadFile(fileId, maxBytes, signal) {
      const file = await retry('getFile', () => telegram.getFile(fileId));
      if (file.file_size !== undefined && file.file_size > maxBytes)
        throw new FileTooLargeError(file.file_size, maxBytes);
      const link = await telegram.getFileLink(file);
      return readBounded(await (options.fetchFile ?? fetch)(link, { signal }), maxBytes);
    },
    async sendVoice(chatId, ogg) {
      await retry('sendVoice', () => telegram.sendVoice(chatId, { source: ogg, filename: 'reply.ogg' }));
    },
  };

  function createRateLimitRetry(retryOptions: TelegramApiOptions) {
    const sleep = retryOptions.sleep ?? defaultSleep;
    const maxWait = retryOptions.maxRetryAfterSeconds ?? 60;
    return async function withRetry<T>(method: string, call: () => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await call();
        } catch (error) {
          const failure = classifyFailure(error);
          if (failure.kind !== 'rate-limited' || attempt >= 3 || failure.retryAfterSeconds > maxWait) throw error;
          log.warn('telegram rate limit: waiting before retrying', {
            method,
            retryAfterSeconds: failure.retryAfterSeconds,
          });
          await sleep(failure.retryAfterSeconds * 1000);
        }
      }
    };
  }
}

export class FileTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`file of ${size} bytes is over the ${limit}-byte limit`);
  }
}

async function readBounded(response: Response, maxBytes: number): Promise<Buffer> {
  if (!response.ok || response.body === null) throw new Error(`file download failed with HTTP ${response.status}`);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) throw new FileTooLargeError(total, maxBytes);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
