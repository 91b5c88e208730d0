/**
 * The slash commands sysvox offers, as Discord's JSON (Discord: Application Commands > Application
 * Command Object), and their registration per allowed server. Registration is a bulk overwrite
 * (PUT .../guilds/{guild}/commands) done only when the definitions changed since the last one that
 * succeeded there: a hash per server is kept in the kv store, so a restart costs no API call.
 */
import { createHash } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ChannelType,
  Routes,
  type REST,
  type RESTPutAPIApplicationGuildCommandsJSONBody,
} from 'discord.js';
import type { Logger } from '../../src/log.js';
import type { KeyValueStore } from './ports.js';

export const commandDefinitions: RESTPutAPIApplicationGuildCommandsJSONBody = [
  {
    name: 'ask',
    description: 'Ask sysvox about your server',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'For example: is plex healthy?',
        required: true,
        max_length: 1000,
      },
    ],
  },
  { name: 'status', description: 'How the server is doing' },
  { name: 'approvals', description: 'Actions waiting for your approval' },
  {
    name: 'join',
    description: 'sysvox joins a voice channel: the one you are in, or the one you name',
    options: [
      {
        type: ApplicationCommandOptionType.Channel,
        name: 'channel',
        description: 'The voice channel to join',
        required: false,
        channel_types: [ChannelType.GuildVoice, ChannelType.GuildStageVoice],
      },
    ],
  },
  { name: 'leave', description: 'sysvox leaves the voice channel' },
  {
    name: 'voice',
    description: 'Whether sysvox speaks alerts and answers in the voice call on this server',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'mode',
        description: 'on or off',
        required: true,
        choices: [
          { name: 'on', value: 'on' },
          { name: 'off', value: 'off' },
        ],
      },
    ],
  },
];

/** Stable for the same definitions and application: what was registered is compared with this. */
export function definitionsHash(applicationId: string, definitions = commandDefinitions): string {
  return createHash('sha256').update(applicationId).update(JSON.stringify(definitions)).digest('hex');
}

const hashKey = (guildId: string) => `discord.commands.${guildId}`;

/**
 * Registers the commands in one server unless the stored hash says they are there already. A failure
 * is logged with its fix and not stored, so the next start tries again; the channel keeps working
 * (mentions and DMs need no commands).
 */
export async function registerCommands(options: {
  rest: REST;
  applicationId: string;
  guildId: string;
  kv: KeyValueStore;
  log: Logger;
}): Promise<'registered' | 'unchanged' | 'failed'> {
  const { rest, applicationId, guildId, kv, log } = options;
  const hash = definitionsHash(applicationId);
  if (kv.get(hashKey(guildId)) === hash) return 'unchanged';
  try {
    await rest.put(Routes.applicationGuildCommands(applicationId, guildId), { body: commandDefinitions });
    kv.set(hashKey(guildId), hash);
    log.info('registered the slash commands', { guildId, commands: commandDefinitions.length });
    return 'registered';
  } catch (error) {
    log.warn(
      'could not register the slash commands on a server: invite the bot with the applications.commands scope (channels/discord/README.md); mentions and DMs still work',
      { guildId, error },
    );
    return 'failed';
  }
}
