/**
 * The seam between the Discord channel (discord.js: gateway, slash commands, buttons, text) and its
 * voice side (@discordjs/voice: receive, wake word, STT, core turn, TTS into the call). The channel
 * owns the discord.js Client and hands the voice side what it needs; the voice side never imports the
 * channel, and the channel never touches audio.
 */
import type { ChannelHealth } from '../../src/core/channel.js';

/** Who spoke in the call, as the channel resolved them (allow-listed, linked to a sysvox person). */
export interface VoiceSpeaker {
  userId: string;
  displayName: string;
}

export interface VoiceJoinRequest {
  guildId: string;
  channelId: string;
  /** The text channel where what was heard and answered is also posted. */
  textChannelId?: string;
}

export interface DiscordVoice {
  /** Joins (or moves to) a voice channel; resolves once the connection is Ready, rejects with a ChannelError. */
  join(request: VoiceJoinRequest): Promise<void>;
  /** Leaves the current voice channel, if any. */
  leave(reason: string): Promise<void>;
  /** Whether sysvox sits in a voice channel with a Ready connection. */
  connected(): boolean;
  /** Nobody has spoken for a while and sysvox is not speaking: an alert may be spoken now. */
  quiet(): boolean;
  /** Speaks a notice into the call (queued behind a turn that is being answered). */
  speak(text: string): Promise<void>;
  /** One line for doctor and /status: connected where, or why voice is down. */
  health(): ChannelHealth;
  stop(): Promise<void>;
}

/** What the voice side calls back into the channel with. */
export interface DiscordVoiceHooks {
  /** The speaker's identity if they may talk to sysvox, or null for a stranger (ignored, audited once). */
  speaker(userId: string, guildId: string): VoiceSpeaker | null;
  /** Posts text into the linked text channel (what was heard, the answer, an approval request). */
  post(textChannelId: string, text: string): Promise<void>;
}
