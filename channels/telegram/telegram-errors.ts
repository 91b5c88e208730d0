/**
 * Sorts Bot API failures into what the channel does about them: 401 is fatal (wrong token), 429 waits
 * retry_after, 409 means another poller or a webhook holds the bot, everything else backs off.
 */
import { TelegramError } from 'telegraf';
import { ChannelError } from '../../src/errors.js';

export type FailureKind =
  | { kind: 'unauthorized' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'conflict' }
  /** 403: the person blocked the bot, or the bot was removed from the group; nothing can reach that chat. */
  | { kind: 'blocked'; description: string }
  | { kind: 'bad-request'; description: string }
  | { kind: 'transient' };

export const unauthorizedMessage =
  'Telegram rejected the bot token (401): check channels.telegram.token or SYSVOX_TELEGRAM_TOKEN';

export function classifyFailure(error: unknown): FailureKind {
  if (!(error instanceof TelegramError)) return { kind: 'transient' };
  const code = error.code;
  if (code === 401 || code === 404) return { kind: 'unauthorized' };
  if (code === 429) return { kind: 'rate-limited', retryAfterSeconds: error.parameters?.retry_after ?? 1 };
  if (code === 409) return { kind: 'conflict' };
  if (code === 403) return { kind: 'blocked', description: error.description };
  if (code >= 400 && code < 500) return { kind: 'bad-request', description: error.description };
  return { kind: 'transient' };
}

export const conflictMessage =
  'Telegram refused getUpdates (409 Conflict): another program is polling with this bot token, or a webhook is set; stop the other poller (another sysvox, a script) or remove the webhook with deleteWebhook, and sysvox resumes by itself';

export function unauthorizedError(cause: unknown): ChannelError {
  return new ChannelError('telegram', unauthorizedMessage, { cause, transient: false });
}

/** Thrown when ffmpeg cannot read a voice note; the person hears "I couldn't understand that audio." */
export class AudioDecodeError extends ChannelError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('telegram', message, { ...options, spoken: "I couldn't understand that audio." });
  }
}
