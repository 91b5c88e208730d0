/**
 * What the local mic channel needs from the rest of sysvox, as narrow ports: main.ts (through
 * src/wire-voice.ts) binds the real engines, tests bind fakes or real engines on files.
 */
import type { Core } from '../../src/core/turn.js';
import type { Logger } from '../../src/log.js';
import type { Vocabulary } from '../../src/router/types.js';
import type { SpeechToText } from '../../voice/stt/stt.js';
import type { TextToSpeech, AudioChunk } from '../../voice/tts/tts.js';
import type { Endpointer } from '../../voice/vad/endpointer.js';
import type { WakeWordDetector } from '../../voice/wake/wake.js';

/** Where speech and earcons go: a speaker (aplay), a WAV file, a test recorder. */
export interface AudioSink {
  /** Plays one chunk; resolves when it has been played (or dropped by stop()). */
  play(chunk: AudioChunk): Promise<void>;
  /** Stops playback at once and drops what is queued. */
  stop(): void;
}

/** memory.timings, narrowed: one row per stage of a voice turn. */
export interface TimingsPort {
  record(entry: { turnId: string; channel: string; stage: string; ms: number }): void;
}

export interface EndpointerRequest {
  /** 'command' after the wake word, 'follow-up' after an answer, 'barge-in' while speaking. */
  purpose: 'command' | 'follow-up' | 'barge-in';
  noSpeechTimeoutMs?: number;
  minSpeechMs?: number;
}

export interface LocalChannelSettings {
  /** Seconds the mic stays open for a follow-up without the wake word; 0 turns follow-ups off. */
  followUpSeconds: number;
  earcons: boolean;
  /** 'raise' keeps the wake word armed with a raised threshold while speaking; 'mute' ignores it. */
  whileSpeaking: 'raise' | 'mute';
  /** Speech during playback shorter than this is a blip, not a "stop". */
  bargeInMinSpeechMs: number;
  /** A thinking earcon plays when nothing was heard this long after the end of speech. */
  thinkingAfterMs: number;
  /** When false, a confirm action cannot be approved by voice: the person is told to use a chat channel. */
  approvalsByVoice: boolean;
  /** Keep the last N utterances as WAV files in this folder (0 or no folder: keep none). */
  keepUtterances: { count: number; directory?: string };
}

export interface LocalVoiceChannelOptions {
  core: Core;
  /** 80 ms frames of 16 kHz mono 16-bit audio. */
  source: AsyncIterable<Int16Array>;
  sink: AudioSink;
  wake: WakeWordDetector;
  createEndpointer: (request: EndpointerRequest) => Endpointer;
  stt: SpeechToText;
  tts: TextToSpeech;
  vocabulary: () => Promise<Vocabulary>;
  /** The confirmation phrases of the approvals pending now: the STT hears "yes" only while there are some. */
  pendingConfirmations?: () => Promise<string[]>;
  timings?: TimingsPort;
  settings?: Partial<LocalChannelSettings>;
  log?: Logger;
  /** Milliseconds, monotonic; default performance.now. */
  clock?: () => number;
  /**
   * true for a file or a pipe that is not paced in real time: each reply is finished before more
   * audio is read, so a follow-up in the file lands in the follow-up window (no barge-in then).
   */
  waitForReplies?: boolean;
}

export const defaultSettings: LocalChannelSettings = {
  followUpSeconds: 5,
  earcons: true,
  whileSpeaking: 'raise',
  bargeInMinSpeechMs: 250,
  thinkingAfterMs: 700,
  approvalsByVoice: true,
  keepUtterances: { count: 0 },
};

/** What the channel reports about each turn (the CLI prints these; tests assert on them). */
export type LocalChannelEvent =
  | { type: 'wake-detected'; name: string; score: number }
  | { type: 'heard'; text: string }
  | { type: 'nothing-heard'; reason: 'no-speech' | 'empty-transcript' }
  | { type: 'answered'; text: string; source: string }
  | { type: 'barge-in'; by: 'wake-word' | 'stop-word'; stoppedWithinMs: number }
  | { type: 'notice-spoken'; key: string; cutShort: boolean }
  | { type: 'error'; message: string };
