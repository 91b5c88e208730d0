/**
 * `sysvox doctor` for Discord, without logging in to the gateway: GET /users/@me with the configured
 * token says whether Discord is reachable and accepts the token; the allow-lists say whether anyone
 * may talk to the bot, and where.
 */
import { DiscordAPIError, REST, Routes, type APIUser } from 'discord.js';
import type { DiscordConfig } from '../../src/config/discord-schema.js';
import type { EngineProbe } from '../../src/probe.js';
import { createTokenRedactor, unauthorizedMessage } from './discord-errors.js';

const tokenFix = 'check channels.discord.token, SYSVOX_DISCORD_TOKEN or the discord-token credential';

export async function probeDiscord(config: DiscordConfig, options: { timeoutMs?: number } = {}): Promise<EngineProbe> {
  if (config.token === undefined)
    return { name: 'discord', status: 'fail', detail: 'Discord is enabled but has no bot token', fix: tokenFix };
  const rest = new REST({ api: config.apiRoot, timeout: options.timeoutMs ?? 10_000, retries: 0 }).setToken(
    config.token,
  );
  try {
    const me = (await rest.get(Routes.user('@me'))) as APIUser;
    return allowListProbe(config, me.username);
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401)
      return { name: 'discord', status: 'fail', detail: unauthorizedMessage, fix: tokenFix };
    if (error instanceof DiscordAPIError)
      return {
        name: 'discord',
        status: 'fail',
        detail: `Discord refused the check (${error.status}): ${error.message}`,
        fix: 'check channels.discord.apiRoot (leave it unset for discord.com)',
      };
    const reason = createTokenRedactor(config.token)(error instanceof Error ? error.message : String(error));
    return {
      name: 'discord',
      status: 'fail',
      detail: `cannot reach Discord at ${config.apiRoot}: ${reason}`,
      fix: 'check the network and that the server resolves discord.com (or channels.discord.apiRoot)',
    };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

function allowListProbe(config: DiscordConfig, username: string): EngineProbe {
  const people = config.allowedUserIds.length;
  if (people === 0)
    return {
      name: 'discord',
      status: 'warn',
      detail: `the token works (${username}) but no one is allowed to talk to the bot`,
      fix: 'add your Discord user id (in quotes) to channels.discord.allowedUserIds',
    };
  if (config.allowedGuildIds.length === 0 || config.allowedChannelIds.length === 0)
    return {
      name: 'discord',
      status: 'warn',
      detail: `the token works (${username}); ${people} allowed user${people === 1 ? '' : 's'}, answering in DMs only`,
      fix: 'to answer on a server, add its id to channels.discord.allowedGuildIds and its text channels to allowedChannelIds',
    };
  const alerts = config.alertChannelId ? `alerts go to channel ${config.alertChannelId}` : 'no alert channel';
  return {
    name: 'discord',
    status: 'ok',
    detail: `the token works (${username}); ${people} allowed user${people === 1 ? '' : 's'}, ${config.allowedGuildIds.length} server(s), ${alerts}`,
  };
}
