/**
 * The Channel shape shared by the push servers (Gotify, ntfy): nothing to poll and nothing to listen to,
 * so start() only checks the settings and marks the channel running, and notify() posts one notice.
 * notify() never throws: a server that refuses or cannot be reached gives a 'failed' delivery with the
 * reason, logged once per notice without the token.
 */
import type { Channel, ChannelHealth, Notice, NoticeDelivery } from '../../src/core/channel.js';
import { ChannelError, describeError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import { createRedactingLogger } from '../telegram/redact-token.js';

export interface PushChannelOptions {
  name: 'gotify' | 'ntfy';
  /** A setting that makes the channel unusable ("Gotify token missing: ..."), found at start; fatal. */
  problem?: string;
  /** Where notices go, for health and doctor ("posts to https://gotify.example.org/"). */
  where: string;
  /** Sends one notice and says what became of it. */
  post(notice: Notice): Promise<NoticeDelivery>;
  /** Removes the token from text; applied to every log line and to a failure's reason. */
  redact: (text: string) => string;
  log: Logger;
}

export function createPushChannel(options: PushChannelOptions): Channel {
  const { name, redact } = options;
  const log = createRedactingLogger(options.log.child(name), redact);
  let health: ChannelHealth = { status: 'idle', detail: 'not started' };
  return {
    name,
    async start(signal) {
      if (options.problem !== undefined) {
        health = { status: 'failed', detail: options.problem };
        throw new ChannelError(name, options.problem);
      }
      health = { status: 'running', detail: `posts to ${options.where}` };
      signal.addEventListener('abort', () => (health = { status: 'stopped', detail: 'stopped' }), { once: true });
      log.info(`${name} channel ready`, { where: options.where });
    },
    async stop() {
      if (health.status !== 'failed') health = { status: 'stopped', detail: 'stopped' };
    },
    health: () => health,
    async notify(notice) {
      if (health.status !== 'running') return { status: 'skipped', detail: `not running: ${health.detail}` };
      const delivery = await options
        .post(notice)
        .catch((error: unknown): NoticeDelivery => ({ status: 'failed', detail: redact(describeError(error)) }));
      if (delivery.status === 'failed')
        log.warn(`could not push a notice to ${name}`, { key: notice.key, reason: delivery.detail });
      else log.debug(`pushed a notice to ${name}`, { key: notice.key, detail: delivery.detail });
      return delivery;
    },
  };
}

/** Replaces every occurrence of each secret with [REDACTED]; secrets shorter than 4 characters are not searched. */
export function createSecretRedactor(secrets: (string | undefined)[]): (text: string) => string {
  const present = secrets.filter((secret): secret is string => secret !== undefined && secret.length >= 4);
  return (text) => present.reduce((result, secret) => result.split(secret).join('[REDACTED]'), text);
}
