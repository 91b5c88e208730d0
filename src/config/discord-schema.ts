import { z } from 'zod';
import { httpUrl } from './limits.js';

/**
 * A Discord id (a "snowflake"): 17 to 20 digits, written as a string. Discord ids are larger than a YAML
 * or JSON number holds exactly (2^53), so a number would silently name someone else.
 */
export function snowflake() {
  return z
    .string({
      error: (issue) =>
        typeof issue.input === 'number'
          ? 'write Discord ids in quotes, like "290926798626357999": they are too long for a number'
          : 'must be a Discord id in quotes, like "290926798626357999"',
    })
    .regex(
      /^\d{17,20}$/,
      'a Discord id has 17 to 20 digits (Discord: User Settings > Advanced > Developer Mode, then Copy ID)',
    );
}

const unknownSetting = (issue: { code: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys' && issue.keys
    ? `unknown setting ${issue.keys.map((key) => `"${key}"`).join(', ')}; remove it`
    : undefined;

/** What the voice side (channels/discord/voice/) reads; the text side only passes it on. */
const discordVoiceSchema = z
  .strictObject(
    {
      /** A voice channel sysvox joins when it starts; without it, sysvox joins only on /join. */
      channelId: snowflake().optional(),
      /** The text channel where what sysvox heard and answered in the call is posted; default alertChannelId. */
      textChannelId: snowflake().optional(),
      /** true: each speaker says the wake word first; false: every allowed speaker's sentence is a question. */
      wakeWordRequired: z.boolean().default(true),
      /** sysvox leaves the call after being the only one in it this long; 0 never leaves. */
      leaveWhenAloneMinutes: z.number().int().min(0).max(1440).default(5),
      /** Alerts and answers to text questions are also spoken into the call; /voice on|off changes it per server. */
      speakInCall: z.boolean().default(true),
    },
    { error: unknownSetting },
  )
  .prefault({});

/**
 * The Discord channel section. The bot token comes from SYSVOX_DISCORD_TOKEN, the discord-token credential
 * or channels.discord.token. Approvers are policy.approvers entries of the form "discord:<user id>".
 */
export const discordSchema = z
  .strictObject(
    {
      enabled: z.boolean().default(false),
      token: z.string().min(1).optional(),
      /** The application's id (Developer Portal > General Information); default: the id Discord reports at login. */
      applicationId: snowflake().optional(),
      /** Discord user ids that may talk to sysvox; everyone else gets no answer at all (audited). */
      allowedUserIds: z.array(snowflake()).default([]),
      /** Servers (guilds) where sysvox answers and registers its slash commands. */
      allowedGuildIds: z.array(snowflake()).default([]),
      /** Text channels of those servers where sysvox answers (everyone there reads the answers); DMs need no entry. */
      allowedChannelIds: z.array(snowflake()).default([]),
      /** The text channel that receives alerts (notify); its Approve/Deny buttons work too. */
      alertChannelId: snowflake().optional(),
      /** A Discord user who is the same person as on another channel: { "<discord id>": "telegram:12345" }. */
      linkedIdentities: z
        .record(snowflake(), z.string().regex(/^[a-z]+:.+$/, 'use "channel:id", e.g. "telegram:12345"'))
        .default({}),
      voice: discordVoiceSchema,
      /** REST base URL; only tests change it (the gateway address comes from GET /gateway/bot). */
      apiRoot: httpUrl().default('https://discord.com/api'),
    },
    { error: unknownSetting },
  )
  .prefault({});
export type DiscordConfig = z.infer<typeof discordSchema>;
export type DiscordVoiceConfig = DiscordConfig['voice'];
