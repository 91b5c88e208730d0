/**
 * Sorts what can go wrong while the Discord channel starts into fatal (a wrong token, intents the
 * application may not use: retrying cannot help, the message says the fix) and transient (the network,
 * Discord itself), and keeps the bot token out of every error text and log line.
 */
import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes } from 'discord.js';
import { ChannelError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';

const tokenFix =
  'check channels.discord.token, SYSVOX_DISCORD_TOKEN or the discord-token credential (Developer Portal > Bot > Reset Token)';

export const unauthorizedMessage = `Discord rejected the bot token (401): ${tokenFix}`;

/** The gateway's close codes that no retry fixes (Discord: Gateway > Opcodes and Status Codes). */
const fatalCloseCodes: Record<number, string> = {
  4004: unauthorizedMessage,
  4010: 'Discord refused the shard settings (4010); this is a bug in sysvox, please report it',
  4012: 'Discord refused the gateway version (4012); update sysvox',
  4013: 'Discord refused the gateway intents as invalid (4013); this is a bug in sysvox, please report it',
  4014: 'Discord refused an intent this application may not use (4014): in the Developer Portal, Bot > Privileged Gateway Intents, or remove the intent',
};

export function unauthorizedError(cause?: unknown): ChannelError {
  return new ChannelError('discord', unauthorizedMessage, { cause, transient: false });
}

/** The ChannelError for a failed login: fatal for a rejected token, transient for anything else. */
export function startError(error: unknown, redact: (text: string) => string): ChannelError {
  const rejected =
    (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) ||
    (error instanceof DiscordAPIError && error.status === 401);
  if (rejected) return unauthorizedError();
  const reason = redact(error instanceof Error ? error.message : String(error));
  return new ChannelError(
    'discord',
    `Discord is unreachable (${reason}): check the network and that discord.com resolves`,
    {
      transient: true,
    },
  );
}

/** The fatal error for a gateway close code, or undefined when discord.js reconnects by itself. */
export function closeCodeError(code: number): ChannelError | undefined {
  const message = fatalCloseCodes[code];
  return message === undefined ? undefined : new ChannelError('discord', message, { transient: false });
}

/** A Discord bot token: the bot's id in base64, a timestamp and an HMAC, separated by dots. */
const tokenPattern = /[A-Za-z\d_-]{20,}\.[A-Za-z\d_-]{5,}\.[A-Za-z\d_-]{20,}/g;

export function createTokenRedactor(token: string): (text: string) => string {
  return (text) => text.split(token).join('[REDACTED]').replace(tokenPattern, '[REDACTED]');
}

/** Wraps a logger so that messages, string fields and error fields never carry the token. */
export function createRedactingLogger(log: Logger, redact: (text: string) => string): Logger {
  const clean = (fields?: Record<string, unknown>) =>
    fields === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(fields).map(([key, value]) => {
            if (value instanceof Error) return [key, redact(value.message)];
            return [key, typeof value === 'string' ? redact(value) : value];
          }),
        );
  return {
    debug: (message, fields) => log.debug(redact(message), clean(fields)),
    info: (message, fields) => log.info(redact(message), clean(fields)),
    warn: (message, fields) => log.warn(redact(message), clean(fields)),
    error: (message, fields) => log.error(redact(message), clean(fields)),
    child: (scope) => createRedactingLogger(log.child(scope), redact),
  };
}
