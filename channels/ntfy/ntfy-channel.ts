/**
 * The ntfy push channel: each notice is published to one topic on an ntfy server (https://ntfy.sh or
 * a self-hosted one), with its priority and an emoji tag taken from the notice's severity, and the
 * access token as "Authorization: Bearer" when the topic is protected. createNtfyChannel is the one
 * entry; the doctor's check is ntfy-probe.ts.
 */
import type { NtfyConfig } from '../../src/config/ntfy-schema.js';
import type { Channel, Notice, NoticeDelivery } from '../../src/core/channel.js';
import type { Logger } from '../../src/log.js';
import { exchange, type Fetch } from '../push/http-exchange.js';
import type { ApproveWith } from '../push/notice-text.js';
import { createPushChannel, createSecretRedactor } from '../push/push-channel.js';
import { serverEndpoint } from '../push/server-url.js';
import { ntfyPublication, shownTopic } from './ntfy-publish.js';

export interface NtfyChannelOptions {
  /** The ntfy section, and which other channels are on (a notice says where its offers can be approved). */
  config: {
    channels: { ntfy: NtfyConfig; telegram?: { enabled: boolean } };
    voice?: { enabled: boolean };
  };
  log: Logger;
  fetch?: Fetch;
  clock?: () => number;
}

export function createNtfyChannel(options: NtfyChannelOptions): Channel {
  const ntfy = options.config.channels.ntfy;
  const redact = createSecretRedactor([ntfy.token]);
  const approveWith: ApproveWith = {
    telegram: options.config.channels.telegram?.enabled ?? false,
    voice: options.config.voice?.enabled ?? false,
  };
  const fetch = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? Date.now;
  const where = `${ntfy.url}, ${ntfy.topic === undefined ? 'no topic' : shownTopic(ntfy.topic)}`;
  return createPushChannel({
    name: 'ntfy',
    problem: ntfy.topic === undefined ? 'ntfy topic missing: set channels.ntfy.topic' : undefined,
    where,
    redact,
    log: options.log,
    async post(notice: Notice): Promise<NoticeDelivery> {
      const publication = ntfyPublication(notice, {
        priorities: ntfy.priorities,
        token: ntfy.token,
        approveWith,
        now: clock(),
      });
      const outcome = await exchange({
        method: 'POST',
        url: serverEndpoint(ntfy.url, encodeURIComponent(ntfy.topic!)),
        headers: publication.headers,
        body: publication.body,
        timeoutMs: ntfy.timeout,
        fetch,
        redact,
      });
      if (outcome.ok) {
        const id = (outcome.json as { id?: unknown } | undefined)?.id;
        return {
          status: 'delivered',
          detail: `published to ntfy at ${where}${typeof id === 'string' ? ` (message ${id})` : ''}`,
        };
      }
      if (outcome.status === undefined) return { status: 'failed', detail: `ntfy not reached: ${outcome.reason}` };
      return { status: 'failed', detail: `ntfy refused the notice: ${outcome.reason}${ntfyFix(outcome.status)}` };
    },
  });
}

/** The setting to look at after a refusal. */
export function ntfyFix(status: number): string {
  if (status === 401 || status === 403)
    return '; check channels.ntfy.token or SYSVOX_NTFY_TOKEN: the topic is protected and the token needs write access to it';
  if (status === 429) return '; the server limits how often this machine may publish (ntfy visitor limits)';
  if (status === 404 || status === 405)
    return '; check channels.ntfy.url (include the path prefix when ntfy is behind a reverse proxy)';
  return '';
}
