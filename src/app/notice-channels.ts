/**
 * The configured channels as notice senders only, for one-shot commands (`sysvox alerts test`, `sysvox
 * alerts report --send`) that run beside the service: Telegram is built but never started (its notify
 * only sends; a second getUpdates poller would fight the service's), the push channels pass their
 * settings check (nothing to listen to), and 'voice' is the speaker alone: the alert chime and the text
 * on the playback device, with no microphone loop.
 */
import { createAlsaSink } from '../../channels/local/audio-sinks.js';
import { createSpeakerChannel } from '../../channels/local/speaker-channel.js';
import { createGotifyChannel } from '../../channels/gotify/gotify-channel.js';
import { createNtfyChannel } from '../../channels/ntfy/ntfy-channel.js';
import type { Config } from '../config/schema.js';
import type { Channel } from '../core/channel.js';
import type { Core } from '../core/turn.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Memory } from '../memory/memory.js';
import type { ToolRunner } from '../policy/tool-runner.js';
import type { SpeechToText } from '../../voice/stt/stt.js';
import type { TextToSpeech } from '../../voice/tts/tts.js';

export interface NoticeChannelsOptions {
  config: Config;
  core: Core;
  runner: ToolRunner;
  memory: Memory;
  stt: SpeechToText;
  tts: TextToSpeech;
  log: Logger;
  signal: AbortSignal;
}

export async function buildNoticeChannels(options: NoticeChannelsOptions): Promise<Channel[]> {
  const { config, log } = options;
  const channels: Channel[] = [];
  if (config.voice.enabled) {
    const device = config.voice.audio.playbackDevice;
    channels.push(
      createSpeakerChannel({
        tts: options.tts,
        sink: createAlsaSink({ device }),
        device,
        earcons: config.voice.earcons && config.voice.tts.earcons,
        approvalsByVoice: config.voice.approvals.byVoice,
        log,
      }),
    );
  }
  if (config.channels.telegram.enabled) {
    if (config.channels.telegram.token === undefined)
      throw new ConfigError(
        'Telegram is enabled but its token is missing: set channels.telegram.token or SYSVOX_TELEGRAM_TOKEN',
      );
    const { wireTelegram } = await import('./wire-telegram.js');
    channels.push(wireTelegram(options));
  }
  if (config.channels.discord.enabled) {
    if (config.channels.discord.token === undefined)
      throw new ConfigError(
        'Discord is enabled but its token is missing: set channels.discord.token or SYSVOX_DISCORD_TOKEN',
      );
    // Built, never started: its notify() posts through REST alone, without a gateway login.
    const { wireDiscord } = await import('./wire-discord.js');
    channels.push(wireDiscord(options));
  }
  const push: Channel[] = [];
  if (config.channels.gotify.enabled) push.push(createGotifyChannel({ config, log }));
  if (config.channels.ntfy.enabled) push.push(createNtfyChannel({ config, log }));
  // A push channel's start() only checks its settings; one that fails says why in its delivery.
  await Promise.allSettled(push.map((channel) => channel.start(options.signal)));
  return [...channels, ...push];
}
