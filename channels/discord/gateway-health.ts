/**
 * Keeps the channel's health true after it started: discord.js reconnects and resumes the gateway by
 * itself (so the channel stays 'running', and REST still posts alerts meanwhile), but a close it does
 * not recover from (the token was reset, an intent was revoked) fails the channel with the fix.
 */
import { Events, type Client } from 'discord.js';
import type { ChannelHealth } from '../../src/core/channel.js';
import type { Logger } from '../../src/log.js';
import { closeCodeError } from './discord-errors.js';

export function watchGateway(
  client: Client,
  options: { log: Logger; health: () => ChannelHealth; setHealth: (health: ChannelHealth) => void },
): void {
  let runningDetail = '';
  client.on(Events.ShardReconnecting, () => {
    const health = options.health();
    if (health.status !== 'running') return;
    runningDetail ||= health.detail;
    options.setHealth({ status: 'running', detail: `${runningDetail} (reconnecting to the gateway)` });
    options.log.info('the Discord gateway dropped; discord.js is reconnecting');
  });
  const recovered = () => {
    if (options.health().status === 'running' && runningDetail)
      options.setHealth({ status: 'running', detail: runningDetail });
    runningDetail = '';
  };
  client.on(Events.ShardResume, recovered);
  client.on(Events.ShardReady, recovered);
  client.on(Events.ShardDisconnect, (event) => {
    if (options.health().status !== 'running') return;
    const error = closeCodeError(event.code);
    const detail = error?.message ?? `the Discord gateway closed (${event.code}) and will not reconnect`;
    options.setHealth({ status: 'failed', detail });
    options.log.error(detail);
  });
}
