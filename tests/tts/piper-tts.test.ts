import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createPiperTts, type PiperTts } from '../../voice/tts/piper-tts.js';
import type { AudioChunk } from '../../voice/tts/tts.js';

const fakes = resolve(import.meta.dirname, '../fakes');
const directory = mkdtempSync(join(tmpdir(), 'sysvox-piper-'));
const modelPath = join(directory, 'en_US-test-medium.onnx');
writeFileSync(modelPath, 'not a real model');
writeFileSync(`${modelPath}.json`, JSON.stringify({ audio: { sample_rate: 16000 } }));
const argsLog = join(directory, 'args.log');
process.env.FAKE_PIPER_ARGS_LOG = argsLog;
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const collect = async (stream: AsyncIterable<AudioChunk>) => {
  const chunks: AudioChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
};
/** The stand-in speaks 10 ms per character: bytes at 16 kHz for a sentence. */
const expectedBytes = (text: string) => text.length * 160 * 2;

describe.each([
  ['cpp', 'fake-piper-cpp', '--output_raw'],
  ['piper1', 'fake-piper1', '--output-raw'],
] as const)('piper TTS against the %s CLI stand-in', (generation, executable, flag) => {
  let tts: PiperTts;
  afterEach(() => tts?.close?.());

  it(`detects the generation and passes ${flag} only`, async () => {
    writeFileSync(argsLog, '');
    tts = createPiperTts({ binaryPath: join(fakes, executable), modelPath, sentenceGapMs: 150 });
    await collect(tts.synthesize('hello there.'));
    expect(tts.cli?.generation).toBe(generation);
    const starts = readFileSync(argsLog, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[]);
    expect(starts).toEqual([['--model', modelPath, flag]]);
  });

  it('keeps one resident process and returns each sentence whole, at the rate from .onnx.json', async () => {
    writeFileSync(argsLog, '');
    tts = createPiperTts({ binaryPath: join(fakes, executable), modelPath, sentenceGapMs: 150 });
    const sentences = ['The disk is fine.', 'Plex is healthy and has been up for three days.', 'Anything else?'];
    for (const sentence of sentences) {
      const chunks = await collect(tts.synthesize(sentence));
      expect(chunks.every((chunk) => chunk.sampleRate === 16000)).toBe(true);
      // Exactly this sentence's audio: nothing from the previous one, no extra "spoken" flags.
      expect(chunks.reduce((total, chunk) => total + chunk.pcm.length, 0)).toBe(expectedBytes(sentence));
    }
    expect(readFileSync(argsLog, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('drops the rest of a sentence cut off by barge-in, so the next reply starts with its own audio', async () => {
    tts = createPiperTts({ binaryPath: join(fakes, executable), modelPath, sentenceGapMs: 150 });
    const controller = new AbortController();
    for await (const _chunk of tts.synthesize('This long answer is interrupted after its first chunk.', {
      signal: controller.signal,
    }))
      controller.abort();
    const next = 'Stopped.';
    const chunks = await collect(tts.synthesize(next));
    expect(chunks.reduce((total, chunk) => total + chunk.pcm.length, 0)).toBe(expectedBytes(next));
  });
});

describe('piper voice files', () => {
  it('reports a missing voice with the fetch fix', async () => {
    const tts = createPiperTts({
      binaryPath: join(fakes, 'fake-piper-cpp'),
      modelPath: join(directory, 'missing.onnx'),
    });
    expect(await tts.probe()).toMatchObject({ status: 'fail', fix: expect.stringContaining('scripts/fetch-models') });
    await expect(collect(tts.synthesize('hi'))).rejects.toThrow(/piper voice missing/);
  });
});
