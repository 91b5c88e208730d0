import { toSpeakable } from '../speakable.js';
import type { AudioChunk, TextToSpeech } from './tts.js';

export interface SpeakSentencesOptions {
  signal?: AbortSignal;
  /** Text shaping before synthesis; default toSpeakable (units, names, no markdown). */
  speakable?: (text: string) => string;
}

/**
 * Speaks sentences as they arrive: the first sentence's audio is yielded while the brain is still
 * producing the rest. Sentences are read lazily, one after another, so order is kept.
 */
export async function* speakSentences(tts: TextToSpeech, sentences: AsyncIterable<string>, options: SpeakSentencesOptions = {}): AsyncGenerator<AudioChunk> {
  const shape = options.speakable ?? toSpeakable;
  for await (const sentence of sentences) {
    if (options.signal?.aborted) return;
    const text = shape(sentence);
    if (!text) continue;
    yield* tts.synthesize(text, { signal: options.signal });
  }
}
