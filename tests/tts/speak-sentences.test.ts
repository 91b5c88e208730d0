import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/errors.js';
import { createFallbackTts } from '../../voice/tts/fallback-tts.js';
import { FakeTts } from '../../voice/tts/fake-tts.js';
import { speakSentences } from '../../voice/tts/speak-sentences.js';
import type { AudioChunk, TextToSpeech } from '../../voice/tts/tts.js';

/** Sentences pushed one at a time by the test, like a brain streaming its answer. */
function sentenceFeed() {
  const queue: (string | null)[] = [];
  let wake = () => {};
  return {
    push(sentence: string | null) {
      queue.push(sentence);
      wake();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const next = queue.shift();
        if (next === null || next === undefined) return;
        yield next;
      }
    },
  };
}

describe('speakSentences', () => {
  it('yields the first sentence\'s audio before the last sentence is pushed', async () => {
    const tts = new FakeTts();
    const feed = sentenceFeed();
    const speech = speakSentences(tts, feed)[Symbol.asyncIterator]();
    feed.push('CPU is at **12%**.');
    const first = await speech.next();
    expect(first.done).toBe(false);
    expect(tts.spoken).toEqual(['CPU is at 12 percent.']);
    feed.push('plex-server is healthy.');
    feed.push(null);
    const rest: AudioChunk[] = [];
    for (let next = await speech.next(); !next.done; next = await speech.next()) rest.push(next.value);
    expect(tts.spoken).toEqual(['CPU is at 12 percent.', 'plex server is healthy.']);
    expect(rest).toHaveLength(1);
  });
});

describe('fallback TTS', () => {
  const failing: TextToSpeech = {
    name: 'piper',
    // eslint-disable-next-line require-yield
    async *synthesize() {
      throw new EngineError('piper', 'piper voice missing');
    },
    probe: async () => ({ name: 'tts:piper', status: 'fail', detail: 'voice missing', fix: 'run scripts/fetch-models piper' }),
  };

  it('speaks with the next engine when the first fails before any audio', async () => {
    const espeak = new FakeTts('espeak-ng');
    const chain = createFallbackTts([failing, espeak]);
    const chunks: AudioChunk[] = [];
    for await (const chunk of chain.synthesize('hello')) chunks.push(chunk);
    expect(chunks).toHaveLength(1);
    expect(espeak.spoken).toEqual(['hello']);
    expect(await chain.probe()).toMatchObject({ status: 'warn', fix: 'run scripts/fetch-models piper' });
  });
});
