import { describeError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { SpeechToText } from '../../voice/stt/stt.js';
import type { Endpointer } from '../../voice/vad/endpointer.js';
import { plainWords } from './speak-turn.js';

/** Short utterances that stop playback ("stop", "stop that", "cancel", "be quiet"). */
const stopPhrases = [
  'stop',
  'stop that',
  'stop it',
  'cancel',
  'cancel that',
  'quiet',
  'be quiet',
  'shut up',
  'enough',
  'never mind',
];

export function isStopPhrase(text: string): boolean {
  const words = plainWords(text).trim();
  return stopPhrases.includes(words);
}

export interface BargeInListenerOptions {
  endpointer: Endpointer;
  stt: SpeechToText;
  /** Speech shorter than this is a blip (a click, a cough, a clipped echo) and never reaches STT. */
  minSpeechMs: number;
  signal: AbortSignal;
  log: Logger;
  clock: () => number;
  /** Called with the clock time at which "stop" was recognised. */
  onStop: (detectedAt: number) => void;
}

/**
 * Listens for a spoken "stop" while sysvox speaks: VAD endpointing on the mic, then STT on each short
 * utterance in the background (the frame loop never waits for it), then onStop.
 */
export function createBargeInListener(options: BargeInListenerOptions): { push(frame: Int16Array): Promise<void> } {
  options.endpointer.start();
  const check = async (pcm: Parameters<SpeechToText['transcribe']>[0]) => {
    try {
      const transcript = await options.stt.transcribe(pcm, { signal: options.signal });
      if (!options.signal.aborted && isStopPhrase(transcript.text)) options.onStop(options.clock());
    } catch (error) {
      if (!options.signal.aborted) options.log.warn('barge-in transcription failed', { error: describeError(error) });
    }
  };
  return {
    async push(frame) {
      if (options.signal.aborted) return;
      for (const event of await options.endpointer.push(frame)) {
        if (event.type === 'speech-end' && event.speechMs >= options.minSpeechMs) void check(event.pcm);
        if (event.type !== 'speech-start') options.endpointer.start();
      }
    },
  };
}
