import { z } from 'zod';

/** The voice section (owned by the voice pipeline). Every key has a default so no config file is needed. */
export const voiceSchema = z.object({
  enabled: z.boolean().default(true),
}).prefault({});
export type VoiceConfig = z.infer<typeof voiceSchema>;
