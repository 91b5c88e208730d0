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
 * Logging in, as a function start() can call again: resolves once the client is ready (READY, then
 * every server's GUILD_CREATE). Rejects with a ChannelError: fatal for a rejected token or a fatal
 * gateway close code, transient for anything else. When the gateway does not get ready in time, the
 * attempt is left running (discord.js keeps reconnecting by itself, and destroying a shard that waits
 * for READY never finishes) and the next call waits for that same attempt instead of starting another.
 */
export function createLogIn(
  client: Client,
  options: { token: string; redact: (text: string) => string; timeoutMs?: number },
): () => Promise<void> {
  let attempt: Promise<void> | undefined;
  const forget = async (error: unknown): Promise<never> => {
    attempt = undefined;
    await client.destroy().catch(() => undefined);
    // destroy() forgets the REST token too; notify() posts through REST while the start is retried.
    client.rest.setToken(options.token);
    throw error;
  };
  return async () => {
    if (client.isReady()) return;
    attempt ??= untilReady(client, options).catch(forget);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(startError(new Error('the gateway did not get ready in time'), options.redact)),
        options.timeoutMs ?? 60_000,
      );
    });
    try {
      await Promise.race([attempt, late]);
    } finally {
      clearTimeout(timer);
    }
  };
}

function untilReady(client: Client, options: { token: string; redact: (text: string) => string }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      client.off(Events.ClientReady, onReady);
      client.off(Events.ShardDisconnect, onDisconnect);
    };
    const onReady = () => {
      cleanup();
      resolve();
    };
    // Emitted only for the close codes discord.js does not recover from (a wrong token, bad intents).
    const onDisconnect = (event: { code: number }) => {
      cleanup();
      reject(closeCodeError(event.code) ?? startError(new Error(`the gateway closed (${event.code})`), options.redact));
    };
    client.once(Events.ClientReady, onReady);
    client.once(Events.ShardDisconnect, onDisconnect);
    client.login(options.token).catch((error: unknown) => {
      cleanup();
      reject(startError(error, options.redact));
    });
  });
}
