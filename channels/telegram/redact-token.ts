/**
 * Keeps the bot token out of logs and error text. Telegraf and fetch errors can carry the request URL,
 * and that URL contains "bot<token>".
 */
import type { Logger } from '../../src/log.js';

const tokenPattern = /\d{3,}:[A-Za-z0-9_-]{10,}/g;

export function createTokenRedactor(token: string | undefined): (text: string) => string {
  return (text) => {
    let result = text.replace(tokenPattern, '[REDACTED]');
    if (token !== undefined && token.length > 0) result = result.split(token).join('[REDACTED]');
    return result;
  };
}

/** A one-line, token-free description of a thrown value. */
export function describeSafely(error: unknown, redact: (text: string) => string): string {
  const message = error instanceof Error ? error.message : String(error);
  return redact(message);
}

/** Wraps a logger so that messages, string fields and error fields never carry the token. */
export function createRedactingLogger(log: Logger, redact: (text: string) => string): Logger {
  const clean = (fields?: Record<string, unknown>) => {
    if (fields === undefined) return undefined;
    const entries = Object.entries(fields).map(([key, value]) => {
      if (value instanceof Error) return [key, describeSafely(value, redact)];
      if (typeof value === 'string') return [key, redact(value)];
      return [key, value];
    });
    return Object.fromEntries(entries) as Record<string, unknown>;
  };
  return {
    debug: (message, fields) => log.debug(redact(message), clean(fields)),
    info: (message, fields) => log.info(redact(message), clean(fields)),
    warn: (message, fields) => log.warn(redact(message), clean(fields)),
    error: (message, fields) => log.error(redact(message), clean(fields)),
    child: (scope) => createRedactingLogger(log.child(scope), redact),
  };
}
