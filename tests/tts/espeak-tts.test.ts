import { afterAll, describe, expect, it } from 'vitest';
import { createLexicon } from '../../src/router/lexicon.js';
import { commandGrammar } from '../../voice/stt/jsgf-grammar.js';
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import { createEspeakTts } from '../../voice/tts/espeak-tts.js';
import type { AudioChunk } from '../../voice/tts/tts.js';
import { hasCommand } from '../stt/speech-audio.js';

const ready = hasCommand('espeak-ng') && hasCommand('pocketsphinx_continuous');
if (!ready && process.env.CI === 'true')
  throw new Error('CI needs espeak-ng and pocketsphinx: apt-get install espeak-ng pocketsphinx pocketsphinx-en-us');

/** Linear resampling to 16 kHz is enough for a recognizer check. */
function to16k(chunks: AudioChunk[]) {
  const pcm = Buffer.concat(chunks.map((chunk) => chunk.pcm));
  const input = new Int16Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.length));
  const ratio = (chunks[0]?.sampleRate ?? 16000) / 16000;
  const samples = new Int16Array(Math.floor(input.length / ratio));
  for (let index = 0; index < samples.length; index++) samples[index] = input[Math.floor(index * ratio)] ?? 0;
  return { sampleRate: 16000 as const, samples };
}

describe.skipIf(!ready)('espeak-ng TTS (real engine)', () => {
  const tts = createEspeakTts({ voice: 'en-us', rate: 150 });
  const stt = createPocketsphinxStt({
    grammar: () =>
      commandGrammar(undefined, {
        lexicon: createLexicon([]),
        templates: [{ intent: 'cpu', patterns: ['(cpu | memory) is at (ten | twelve | twenty) percent'] }],
      }),
  });
  afterAll(() => stt.close?.());

  it('speaks 22050 Hz PCM whose pocketsphinx transcript matches ("cpu is at twelve percent")', async () => {
    const chunks: AudioChunk[] = [];
    for await (const chunk of tts.synthesize('cpu is at twelve percent')) chunks.push(chunk);
    expect(chunks.every((chunk) => chunk.sampleRate === 22050 && chunk.pcm.length % 2 === 0)).toBe(true);
    const audio = to16k(chunks);
    expect(audio.samples.length / 16000).toBeGreaterThan(0.8);
    expect((await stt.transcribe(audio)).text).toBe('cpu is at twelve percent');
  });

  it('probes ok, and a missing binary fails with the apt fix', async () => {
    expect((await tts.probe()).status).toBe('ok');
    const missing = createEspeakTts({ binary: 'espeak-ng-not-installed' });
    await expect(async () => {
      for await (const _chunk of missing.synthesize('hello')) void _chunk;
    }).rejects.toThrow(/apt-get install espeak-ng/);
  });
});
