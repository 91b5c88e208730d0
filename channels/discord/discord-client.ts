/**
 * The discord.js Client sysvox uses, and logging in with it. Intents: Guilds (servers, channels, slash
 * commands), GuildMessages and DirectMessages (mentions and DMs: a message that mentions the bot, and
 * every DM, carry their text without the privileged Message Content intent), GuildVoiceStates (who sits
 * in which call, for /join and the voice side). No compression: zlib-sync is not installed, so the
 * gateway speaks plain JSON.
 */
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import { closeCodeError, startError } from './discord-errors.js';

export function createDiscordClient(options: { apiRoot: string }): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      GatewayIntentBits.GuildVoiceStates,
    ],
    // A DM channel is not cached before its first message: without this, DMs never arrive.
    partials: [Partials.Channel],
    rest: { api: options.apiRoot },
  });
}

/**
 * Logs in and resolves once the client is ready (READY, then every server's GUILD_CREATE). Rejects with
 * a ChannelError: fatal for a rejected token or a fatal gateway close code, transient otherwise.
 */
export async function logIn(
  client: Client,
  options: { token: string; redact: (text: string) => string; timeoutMs?: number },
): Promise<void> {
  let cleanup = () => undefined as void;
  const settled = new Promise<void>((resolve, reject) => {
    const onReady = () => resolve();
    const onDisconnect = (event: { code: number }) =>
      reject(closeCodeError(event.code) ?? startError(new Error(`the gateway closed (${event.code})`), options.redact));
    const timer = setTimeout(
      () => reject(startError(new Error('no READY from the gateway in time'), options.redact)),
      options.timeoutMs ?? 60_000,
    );
    client.once(Events.ClientReady, onReady);
    client.once(Events.ShardDisconnect, onDisconnect);
    cleanup = () => {
      clearTimeout(timer);
      client.off(Events.ClientReady, onReady);
      client.off(Events.ShardDisconnect, onDisconnect);
    };
  });
  try {
    await Promise.race([
      client.login(options.token).catch((error: unknown) => {
        throw startError(error, options.redact);
      }),
      settled,
    ]);
    await settled;
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw error;
  } finally {
    cleanup();
  }
}
