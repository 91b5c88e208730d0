import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/errors.js';
import { createFallbackTts } from '../../voice/tts/fallback-tts.js';
import { FakeTts } from '../../voice/tts/fake-tts.js';
import type { AudioChunk, TextToSpeech } from '../../voice/tts/tts.js';

describe('fallback TTS', () => {
  const failing: TextToSpeech = {
    name: 'piper',
    // eslint-disable-next-line require-yield
    async *synthesize() {
      throw new EngineError('piper', 'piper voice missing');
    },
    probe: async () => ({
      name: 'tts:piper',
      status: 'fail',
      detail: 'voice missing',
      fix: 'run scripts/fetch-models piper',
    }),
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
