/**
 * The Gotify push channel: each notice becomes one message from the "sysvox" application on a Gotify
 * server, posted with the application token in the X-Gotify-Key header, its priority taken from the
 * notice's severity. createGotifyChannel is the one entry; the doctor's check is gotify-probe.ts.
 */
import type { GotifyConfig } from '../../src/config/gotify-schema.js';
import type { Channel, Notice, NoticeDelivery } from '../../src/core/channel.js';
import type { Logger } from '../../src/log.js';
import { exchange, type Fetch } from '../push/http-exchange.js';
import type { ApproveWith } from '../push/notice-text.js';
import { createPushChannel, createSecretRedactor } from '../push/push-channel.js';
import { serverEndpoint } from '../push/server-url.js';
import { gotifyMessage } from './gotify-message.js';

export interface GotifyChannelOptions {
  /** The gotify section, and which other channels are on (a notice says where its offers can be approved). */
  config: {
    channels: { gotify: GotifyConfig; telegram?: { enabled: boolean } };
    voice?: { enabled: boolean };
  };
  log: Logger;
  fetch?: Fetch;
  clock?: () => number;
}

export function createGotifyChannel(options: GotifyChannelOptions): Channel {
  const gotify = options.config.channels.gotify;
  const redact = createSecretRedactor([gotify.token]);
  const approveWith: ApproveWith = {
    telegram: options.config.channels.telegram?.enabled ?? false,
    voice: options.config.voice?.enabled ?? false,
  };
  const fetch = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? Date.now;
  return createPushChannel({
    name: 'gotify',
    problem: gotifyProblem(gotify),
    where: gotify.url ?? 'nowhere (no url)',
    redact,
    log: options.log,
    async post(notice: Notice): Promise<NoticeDelivery> {
      const url = serverEndpoint(gotify.url!, 'message');
      const message = gotifyMessage(notice, { priorities: gotify.priorities, approveWith, now: clock() });
      const outcome = await exchange({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'x-gotify-key': gotify.token! },
        body: JSON.stringify(message),
        timeoutMs: gotify.timeout,
        fetch,
        redact,
      });
      if (outcome.ok) {
        const id = (outcome.json as { id?: unknown } | undefined)?.id;
        return {
          status: 'delivered',
          detail: `posted to Gotify at ${gotify.url}${typeof id === 'number' ? ` (message ${id})` : ''}`,
        };
      }
      if (outcome.status === undefined) return { status: 'failed', detail: `Gotify not reached: ${outcome.reason}` };
      return { status: 'failed', detail: `Gotify refused the notice: ${outcome.reason}${gotifyFix(outcome.status)}` };
    },
  });
}

/** What makes the settings unusable, in one sentence with the fix; undefined when they are complete. */
export function gotifyProblem(gotify: GotifyConfig): string | undefined {
  if (gotify.url === undefined) return 'Gotify server address missing: set channels.gotify.url';
  if (gotify.token === undefined)
    return 'Gotify token missing: set channels.gotify.token or SYSVOX_GOTIFY_TOKEN to an application token';
  return undefined;
}

/** The setting to look at after a refusal. */
export function gotifyFix(status: number): string {
  if (status === 401 || status === 403)
    return "; check channels.gotify.token or SYSVOX_GOTIFY_TOKEN: it must be an application token (Gotify's Apps page), not a client token";
  if (status === 404 || status === 405)
    return '; check channels.gotify.url (include the path prefix when Gotify is behind a reverse proxy)';
  return '';
}
