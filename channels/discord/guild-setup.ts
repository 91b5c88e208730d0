/**
 * What happens on the servers once logged in: the slash commands registered on every allowed server
 * (and on one the bot joins later), and the voice channel of channels.discord.voice.channelId joined.
 * A failure here is logged with its fix; the text side keeps working.
 */
import { Events, type Client } from 'discord.js';
import type { DiscordConfig } from '../../src/config/discord-schema.js';
import type { Logger } from '../../src/log.js';
import type { KeyValueStore } from './ports.js';
import { registerCommands } from './slash-commands.js';
import type { DiscordVoice } from './voice-port.js';

export interface GuildSetup {
  /** Registers the commands where needed and joins the configured voice channel (in the background). */
  afterLogin(): Promise<void>;
}

export function createGuildSetup(options: {
  client: Client;
  config: DiscordConfig;
  kv: KeyValueStore;
  log: Logger;
  voice: DiscordVoice | undefined;
  /** Called with the server of the call sysvox joined. */
  joined(guildId: string): void;
}): GuildSetup {
  const { client, config, kv, log } = options;
  /** config.applicationId, else the id Discord reported at login. */
  let applicationId = config.applicationId;
  const register = (guildId: string) =>
    applicationId === undefined || !config.allowedGuildIds.includes(guildId)
      ? Promise.resolve()
      : registerCommands({ rest: client.rest, applicationId, guildId, kv, log }).then(() => undefined);
  client.on(Events.GuildCreate, (guild) => void register(guild.id));

  const joinOnStart = async () => {
    const channelId = config.voice.channelId;
    if (!options.voice || channelId === undefined) return;
    const guildId = client.guilds.cache.find((guild) => guild.channels.cache.has(channelId))?.id;
    if (guildId === undefined) {
      log.warn('the voice channel in channels.discord.voice.channelId is on no server the bot is on', { channelId });
      return;
    }
    try {
      await options.voice.join({
        guildId,
        channelId,
        textChannelId: config.voice.textChannelId ?? config.alertChannelId,
      });
      options.joined(guildId);
    } catch (error) {
      log.warn('could not join the voice channel on start; text keeps working', { channelId, error });
    }
  };

  return {
    async afterLogin() {
      applicationId = config.applicationId ?? client.application?.id;
      for (const guild of client.guilds.cache.values()) await register(guild.id);
      void joinOnStart();
    },
  };
}
