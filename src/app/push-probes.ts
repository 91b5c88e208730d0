/**
 * The doctor's lines for the push channels that are enabled (Gotify, ntfy): is the server up, and does
 * it accept the token, checked without sending anything to a phone.
 */
import { probeGotify } from '../../channels/gotify/gotify-probe.js';
import { probeNtfy } from '../../channels/ntfy/ntfy-probe.js';
import type { Fetch } from '../../channels/push/http-exchange.js';
import type { Config } from '../config/schema.js';
import type { EngineProbe } from '../probe.js';

export async function probePushChannels(
  channels: Pick<Config['channels'], 'gotify' | 'ntfy'>,
  options: { fetch?: Fetch } = {},
): Promise<EngineProbe[]> {
  return Promise.all([
    ...(channels.gotify.enabled ? [probeGotify(channels.gotify, options)] : []),
    ...(channels.ntfy.enabled ? [probeNtfy(channels.ntfy, options)] : []),
  ]);
}
