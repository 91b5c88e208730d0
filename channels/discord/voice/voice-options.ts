/**
 * What the Discord voice side needs, as narrow ports: the channel (or a test) hands it the gateway
 * adapter per guild, the core, the engines and its settings. Nothing here imports discord.js.
 */
import type { DiscordGatewayAdapterCreator } from '@discordjs/voice';
import type { Core } from '../../../src/core/turn.js';
import type { Logger } from '../../../src/log.js';
import type { Vocabulary } from '../../../src/router/types.js';
import type { SpeechToText } from '../../../voice/stt/stt.js';
import type { TextToSpeech } from '../../../voice/tts/tts.js';
import type { WakeWordDetector } from '../../../voice/wake/wake.js';
import type { DiscordVoiceHooks } from '../voice-port.js';
import type { DiscordVoiceEvent } from './voice-events.js';

export interface DiscordVoiceSettings {
  /** true: each speaker says the wake word first; false: every utterance of an allowed speaker is a request. */
  requireWakeWord: boolean;
  /** Leave the call after nobody else has been in it this long; 0 never leaves. */
  leaveWhenAloneMinutes: number;
  /** After the wake word alone, the speaker's next utterance within this window is the request. */
  followUpSeconds: number;
  /** Silence that ends a speaker's utterance (the receive stream's AfterSilence duration). */
  endOfSpeechMs: number;
  /** Shorter utterances are coughs and clicks: never transcribed. */
  minSpeechMs: number;
  /** Utterances are cut at this length (a hot mic cannot grow a buffer without end). */
  maxUtteranceSeconds: number;
  /** While sysvox speaks, only utterances up to this long are checked for "stop". */
  stopPhraseMaxMs: number;
  /** After an approval request, the asker's next utterance within this window needs no wake word. */
  approvalWindowSeconds: number;
  /** When false, a confirm action is never approved by voice: the speaker is told to use a button. */
  approvalsByVoice: boolean;
  /** The call counts as quiet (an alert may be spoken) after nobody spoke for this long. */
  quietAfterSeconds: number;
  /** How long the connection may take to become Ready on join. */
  readyTimeoutMs: number;
  /** After a drop: how long the library may take to start reconnecting by itself before sysvox rejoins. */
  reconnectGraceMs: number;
  /** Waits before each rejoin attempt; after the last one voice is down until /join. */
  rejoinDelaysMs: number[];
  /** How often the alone check runs. */
  aloneCheckMs: number;
}

export const defaultVoiceSettings: DiscordVoiceSettings = {
  requireWakeWord: true,
  leaveWhenAloneMinutes: 5,
  followUpSeconds: 8,
  endOfSpeechMs: 800,
  minSpeechMs: 250,
  maxUtteranceSeconds: 20,
  stopPhraseMaxMs: 2500,
  approvalWindowSeconds: 10,
  approvalsByVoice: true,
  quietAfterSeconds: 15,
  readyTimeoutMs: 20_000,
  reconnectGraceMs: 5_000,
  rejoinDelaysMs: [1_000, 5_000, 15_000, 60_000],
  aloneCheckMs: 30_000,
};

export interface DiscordVoiceOptions {
  /** The guild's voice adapter: discord.js `guild.voiceAdapterCreator`; a test passes its own two-way adapter. */
  adapterFor(guildId: string): DiscordGatewayAdapterCreator;
  /** People (not bots, not sysvox) in the voice channel now; for leaving when alone. */
  listenersIn?(guildId: string, channelId: string): number;
  core: Core;
  stt: SpeechToText;
  tts: TextToSpeech;
  /** A new wake-word detector: one per speaker, so two people never share the detector's state. */
  createWake(): Promise<WakeWordDetector>;
  hooks: DiscordVoiceHooks;
  /** Names that bias the recogniser (containers, hosts), as the microphone gets them. */
  vocabulary?: () => Promise<Vocabulary>;
  /** The confirmation phrases of the approvals pending now: the recogniser hears "yes" only then. */
  pendingConfirmations?: () => Promise<string[]>;
  settings?: Partial<DiscordVoiceSettings>;
  log: Logger;
  /** Told what happens (heard, answered, barge-in, connection changes). */
  onEvent?: (event: DiscordVoiceEvent) => void;
  /** Milliseconds, monotonic; default performance.now. */
  clock?: () => number;
}
