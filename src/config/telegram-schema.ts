import { z } from 'zod';

/** The Telegram channel section. The token comes from SYSVOX_TELEGRAM_TOKEN or channels.telegram.token. */
export const telegramSchema = z.object({
  enabled: z.boolean().default(false),
  token: z.string().min(1).optional(),
  allowedUserIds: z.array(z.number().int()).default([]),
}).prefault({});
export type TelegramConfig = z.infer<typeof telegramSchema>;
