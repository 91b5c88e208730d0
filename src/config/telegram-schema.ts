import { z } from 'zod';
import { durationSeconds, httpUrl } from './limits.js';

/**
 * The Telegram channel section. The token comes from SYSVOX_TELEGRAM_TOKEN or channels.telegram.token.
 * Approvers are not listed here: they are policy.approvers entries of the form "telegram:<user id>".
 */
export const telegramSchema = z
  .strictObject(
    {
      enabled: z.boolean().default(false),
      token: z.string().min(1).optional(),
      /** Numeric Telegram user ids that may talk to sysvox; everyone else gets no answer at all. */
      allowedUserIds: z.array(z.number().int()).default([]),
      /** Group chats where allowed users may talk to sysvox (everyone there reads the answers); private chats need no entry. */
      allowedChatIds: z.array(z.number().int()).default([]),
      /** Voice notes larger than this are refused before they are downloaded. */
      maxVoiceBytes: z.number().int().positive().default(2_000_000),
      /** Voice notes longer than this are refused before they are downloaded. */
      maxVoiceSeconds: durationSeconds().default(60),
      /** Answer text questions with a voice note too, for people who have not chosen with /voice on|off. */
      voiceReplies: z.boolean().default(false),
      /** Chats that receive notices (alerts, offered actions) from notify(); each chat can /mute and /unmute. */
      pushChatIds: z.array(z.number().int()).default([]),
      /** Seconds a getUpdates long poll waits on Telegram's side. */
      pollTimeoutSeconds: z.number().int().min(0).max(50).default(30),
      /** Updates handled at once across chats (each chat's own messages always run one after another). */
      maxConcurrentUpdates: z.number().int().min(1).max(32).default(4),
      /** Bot API base URL; only tests and self-hosted Bot API servers change it. */
      apiRoot: httpUrl().default('https://api.telegram.org'),
    },
    {
      // Strict, so a setting sysvox does not have (a typo, or `webhook`: only long polling exists) is an error, not ignored.
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown setting ${issue.keys.map((key) => `"${key}"`).join(', ')}; remove it${issue.keys.includes('webhook') ? ' (sysvox polls Telegram and has no webhook mode; polling needs no public address)' : ''}`
          : undefined,
    },
  )
  .prefault({});
export type TelegramConfig = z.infer<typeof telegramSchema>;
