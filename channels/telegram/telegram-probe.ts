/**
 * `sysvox doctor` for Telegram, without polling or sending: getMe with the configured token says whether
 * the Bot API is reachable and accepts the token, and the allow-list says whether anyone may talk to the bot.
 */
import { Telegram } from 'telegraf';
import type { TelegramConfig } from '../../src/config/telegram-schema.js';
import { describeError } from '../../src/errors.js';
import type { EngineProbe } from '../../src/probe.js';
import { classifyFailure } from './telegram-errors.js';

const tokenFix = 'check channels.telegram.token, SYSVOX_TELEGRAM_TOKEN or the telegram-token credential';

export async function probeTelegram(
  config: TelegramConfig,
  options: { timeoutMs?: number } = {},
): Promise<EngineProbe> {
  if (config.token === undefined)
    return { name: 'telegram', status: 'fail', detail: 'Telegram is enabled but has no bot token', fix: tokenFix };
  const telegram = new Telegram(config.token, { apiRoot: config.apiRoot });
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  // telegraf types the signal as the abort-controller polyfill's; the platform one is what node-fetch uses.
  const callOptions = { signal } as unknown as Parameters<Telegram['callApi']>[2];
  try {
    const me = await telegram.callApi('getMe', {}, callOptions);
    if (config.allowedUserIds.length === 0)
      return {
        name: 'telegram',
        status: 'warn',
        detail: `the token works (@${me.username}) but no one is allowed to talk to the bot`,
        fix: 'add your numeric Telegram user id to channels.telegram.allowedUserIds',
      };
    const people = config.allowedUserIds.length;
    return {
      name: 'telegram',
      status: 'ok',
      detail: `the token works (@${me.username}); ${people} allowed user${people === 1 ? '' : 's'}`,
    };
  } catch (error) {
    if (classifyFailure(error).kind === 'unauthorized')
      return { name: 'telegram', status: 'fail', detail: 'Telegram rejected the bot token (401)', fix: tokenFix };
    const reason = describeError(error).replaceAll(config.token, '****');
    return {
      name: 'telegram',
      status: 'fail',
      detail: `cannot reach the Telegram Bot API at ${config.apiRoot}: ${reason}`,
      fix: 'check the network and that the server resolves api.telegram.org (or channels.telegram.apiRoot)',
    };
  }
}
