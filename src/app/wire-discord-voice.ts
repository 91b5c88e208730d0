/**
 * Binds the Discord voice side (channels/discord/voice/) to the app: the guild's gateway adapter and the
 * people in a call from the channel's discord.js client, the core, the voice app's STT and TTS, one wake
 * word detector per speaker, and the settings of channels.discord.voice. @discordjs/voice is loaded here,
 * once: where it cannot load (its DAVE library is native), the text side still runs and voice says why.
 */
import { join } from 'node:path';
import type { Client } from 'discord.js';
import type { DiscordVoiceFactory } from '../../channels/discord/discord-channel.js';
import { unavailableVoice } from '../../channels/discord/voice/load-discord-voice.js';
import type { Config } from '../config/schema.js';
import type { Core } from '../core/turn.js';
import { ChannelError, describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Vocabulary } from '../router/types.js';
import type { SpeechToText } from '../../voice/stt/stt.js';
import type { TextToSpeech } from '../../voice/tts/tts.js';
import { buildWake } from './wire-voice.js';

export interface DiscordVoiceWiringOptions {
  config: Config;
  core: Core;
  stt: SpeechToText;
  tts: TextToSpeech;
  dataDir: string;
  vocabulary: () => Promise<Vocabulary>;
  pendingConfirmations: () => Promise<string[]>;
  log: Logger;
}

/** People in the voice channel now, bots (sysvox too) left out. */
function listenersIn(client: Client, guildId: string, channelId: string): number {
  const guild = client.guilds.cache.get(guildId);
  if (!guild) return 0;
  return guild.voiceStates.cache.filter((state) => state.channelId === channelId && state.member?.user.bot !== true)
    .size;
}

export async function discordVoiceFactory(options: DiscordVoiceWiringOptions): Promise<DiscordVoiceFactory> {
  const { config, log } = options;
  let createDiscordVoice: typeof import('../../channels/discord/voice/discord-voice.js').createDiscordVoice;
  try {
    ({ createDiscordVoice } = await import('../../channels/discord/voice/discord-voice.js'));
  } catch (error) {
    const reason = `Discord voice is unavailable: @discordjs/voice did not load (${describeError(error)})`;
    log.child('discord:voice').error(reason, { fix: 'reinstall sysvox (npm ci) on a supported platform' });
    return () => unavailableVoice(reason);
  }
  const settings = config.channels.discord.voice;
  return ({ client, hooks }) =>
    createDiscordVoice({
      adapterFor: (guildId) => {
        const guild = client.guilds.cache.get(guildId);
        if (!guild) throw new ChannelError('discord', `the bot is not on the server ${guildId}`);
        return guild.voiceAdapterCreator;
      },
      listenersIn: (guildId, channelId) => listenersIn(client, guildId, channelId),
      core: options.core,
      stt: options.stt,
      tts: options.tts,
      createWake: () => buildWake(config.voice, join(options.dataDir, 'models'), log),
      hooks,
      vocabulary: options.vocabulary,
      pendingConfirmations: options.pendingConfirmations,
      settings: {
        requireWakeWord: settings.wakeWordRequired,
        leaveWhenAloneMinutes: settings.leaveWhenAloneMinutes,
        approvalsByVoice: config.voice.approvals.byVoice,
      },
      log,
    });
}
