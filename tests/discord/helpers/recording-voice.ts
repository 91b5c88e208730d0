/**
 * A DiscordVoice (channels/discord/voice-port.ts) that records what the text side asked of it: the
 * voice side itself is built and tested separately (channels/discord/voice/); this checks the seam.
 */
import type { DiscordVoice, VoiceJoinRequest } from '../../../channels/discord/voice-port.js';
import { ChannelError } from '../../../src/errors.js';

export interface RecordingVoice extends DiscordVoice {
  joins: VoiceJoinRequest[];
  leaves: string[];
  spoken: string[];
  /** Whether the call is quiet now (notify speaks only then). */
  setQuiet(quiet: boolean): void;
  /** The next join fails like a voice channel sysvox may not enter. */
  failNextJoin(): void;
}

export function createRecordingVoice(): RecordingVoice {
  let connected = false;
  let quiet = true;
  let failNext = false;
  const voice: RecordingVoice = {
    joins: [],
    leaves: [],
    spoken: [],
    setQuiet: (value) => void (quiet = value),
    failNextJoin: () => void (failNext = true),
    async join(request) {
      voice.joins.push(request);
      if (failNext) {
        failNext = false;
        throw new ChannelError('discord', 'voice connection not ready in 20 s: missing Connect permission', {
          spoken: "I couldn't join that voice channel.",
        });
      }
      connected = true;
    },
    async leave(reason) {
      voice.leaves.push(reason);
      connected = false;
    },
    connected: () => connected,
    quiet: () => quiet,
    async speak(text) {
      voice.spoken.push(text);
    },
    health: () => ({ status: connected ? 'running' : 'idle', detail: connected ? 'in Lounge' : 'not in a call' }),
    async stop() {
      connected = false;
    },
  };
  return voice;
}
