import { z } from 'zod';
import { durationSeconds, httpUrl } from './limits.js';

/** Optional webhook mode; long polling is the default and needs no public address. */
const webhookSchema = z.object({
  /** The public HTTPS URL Telegram posts updates to, e.g. https://bot.example.org/telegram. */
  url: httpUrl(),
  /** Local address the webhook HTTP server listens on (put a TLS reverse proxy in front). */
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(1).max(65535).default(8443),
  /** Sent by Telegram in X-Telegram-Bot-Api-Secret-Token; requests without it are refused. */
  secretToken: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'use 1-256 of A-Z a-z 0-9 _ -').optional(),
});

/**
 * The Telegram channel section. The token comes from SYSVOX_TELEGRAM_TOKEN or channels.telegram.token.
 * Approvers are not listed here: they are policy.approvers entries of the form "telegram:<user id>".
 */
export const telegramSchema = z.object({
  enabled: z.boolean().default(false),
  token: z.string().min(1).optional(),
  /** Numeric Telegram user ids that may talk to sysvox; everyone else gets no answer at all. */
  allowedUserIds: z.array(z.number().int()).default([]),
  /** Voice notes larger than this are refused before they are downloaded. */
  maxVoiceBytes: z.number().int().positive().default(2_000_000),
  /** Voice notes longer than this are refused before they are downloaded. */
  maxVoiceSeconds: durationSeconds().default(60),
  /** Answer text questions with a voice note too, for people who have not chosen with /voice on|off. */
  voiceReplies: z.boolean().default(false),
  /** Chats that receive alerts from push(); each chat can /mute and /unmute. */
  pushChatIds: z.array(z.number().int()).default([]),
  /** Seconds a getUpdates long poll waits on Telegram's side. */
  pollTimeoutSeconds: z.number().int().min(0).max(50).default(30),
  webhook: webhookSchema.optional(),
  /** Bot API base URL; only tests and self-hosted Bot API servers change it. */
  apiRoot: httpUrl().default('https://api.telegram.org'),
}).prefault({});
export type TelegramConfig = z.infer<typeof telegramSchema>;
