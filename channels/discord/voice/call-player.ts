/**
 * sysvox's voice in the call: one @discordjs/voice AudioPlayer per connection. Each sentence is
 * synthesized whole, upsampled to 48 kHz stereo and played as a raw-PCM AudioResource (the library's
 * prism-media pipeline encodes it to 20 ms Opus packets with opusscript). stop() is the barge-in.
 */
import { Readable } from 'node:stream';
import {
  AudioPlayerStatus,
  createAudioPlayer,
  createAudioResource,
  NoSubscriberBehavior,
  StreamType,
  type AudioPlayer,
  type AudioPlayerState,
} from '@discordjs/voice';
import { describeError } from '../../../src/errors.js';
import type { Logger } from '../../../src/log.js';
import { toSpeakable } from '../../../voice/speakable.js';
import type { TextToSpeech } from '../../../voice/tts/tts.js';
import { toDiscordPcm } from './discord-audio.js';

export interface CallPlayer {
  readonly player: AudioPlayer;
  /** Speaks one sentence; resolves when it was played, cut short by stop() or the signal, or failed (logged). */
  say(text: string, signal: AbortSignal): Promise<SayOutcome>;
  /** Synthesizes a sentence now, to play later (the next one is made while this one plays). */
  prepare(text: string, signal: AbortSignal): Promise<PreparedSpeech>;
  play(speech: PreparedSpeech, signal: AbortSignal): Promise<SayOutcome>;
  /** Stops the sentence being played at once. */
  stop(): void;
  speaking(): boolean;
}

export type SayOutcome = 'played' | 'stopped' | 'failed';
/** 48 kHz stereo PCM, or why there is none. */
export type PreparedSpeech = Buffer | 'stopped' | 'failed';

export function createCallPlayer(options: { tts: TextToSpeech; log: Logger }): CallPlayer {
  const { log } = options;
  // Play: a sentence keeps going through a short reconnect instead of pausing mid-word.
  const player = createAudioPlayer({ behaviors: { noSubscriber: NoSubscriberBehavior.Play } });
  player.on('error', (error) => log.warn('audio player error', { error: describeError(error) }));

  async function synthesize(text: string, signal: AbortSignal): Promise<Buffer | undefined> {
    const parts: Buffer[] = [];
    let sampleRate = 16_000;
    for await (const chunk of options.tts.synthesize(text, { signal })) {
      if (signal.aborted) return undefined;
      sampleRate = chunk.sampleRate;
      parts.push(chunk.pcm);
    }
    return parts.length === 0 ? undefined : toDiscordPcm(Buffer.concat(parts), sampleRate);
  }

  async function prepare(text: string, signal: AbortSignal): Promise<PreparedSpeech> {
    const speakable = toSpeakable(text);
    if (!speakable || signal.aborted) return 'stopped';
    try {
      const pcm = await synthesize(speakable, signal);
      if (signal.aborted) return 'stopped';
      return pcm ?? 'failed';
    } catch (error) {
      if (signal.aborted) return 'stopped';
      log.warn('text to speech failed', { error: describeError(error) });
      return 'failed';
    }
  }

  async function play(speech: PreparedSpeech, signal: AbortSignal): Promise<SayOutcome> {
    if (typeof speech === 'string') return speech;
    if (signal.aborted) return 'stopped';
    player.play(createAudioResource(Readable.from([speech]), { inputType: StreamType.Raw }));
    return untilIdle(player, signal);
  }

  return {
    player,
    prepare,
    play,
    async say(text, signal) {
      return play(await prepare(text, signal), signal);
    },
    stop() {
      player.stop(true);
    },
    speaking() {
      return player.state.status !== AudioPlayerStatus.Idle;
    },
  };
}

function untilIdle(player: AudioPlayer, signal: AbortSignal): Promise<'played' | 'stopped'> {
  return new Promise((resolve) => {
    const finish = (outcome: 'played' | 'stopped') => {
      player.off('stateChange', onChange);
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onChange = (_old: AudioPlayerState, next: AudioPlayerState) => {
      if (next.status === AudioPlayerStatus.Idle) finish(signal.aborted ? 'stopped' : 'played');
    };
    const onAbort = () => {
      player.stop(true);
      finish('stopped');
    };
    if (signal.aborted) return onAbort();
    player.on('stateChange', onChange);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
