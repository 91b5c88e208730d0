import { afterAll, describe, expect, it } from 'vitest';
import { commandGrammar } from '../../voice/stt/jsgf-grammar.js';
import { trimLeadingQuiet } from '../../voice/stt/leading-quiet.js';
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import { testRouter } from '../helpers/router-areas.js';
import { hasCommand, silence, speak } from './speech-audio.js';

const concat = (...parts: { samples: Int16Array }[]) => {
  const samples = new Int16Array(parts.reduce((total, part) => total + part.samples.length, 0));
  let offset = 0;
  for (const part of parts) {
    samples.set(part.samples, offset);
    offset += part.samples.length;
  }
  return { sampleRate: 16000 as const, samples };
};

describe('trimming the quiet before the first word', () => {
  it('keeps 20 ms before the first loud frame and leaves speech-first audio alone', () => {
    const loud = { sampleRate: 16000 as const, samples: new Int16Array(1600).fill(3000) };
    const trimmed = trimLeadingQuiet(concat(silence(0.5), loud));
    expect(trimmed.samples.length).toBe(1600 + 320);
    expect(trimLeadingQuiet(loud)).toBe(loud);
    expect(trimLeadingQuiet(silence(1)).samples.length).toBe(16000);
  });
});

const ready = hasCommand('pocketsphinx_continuous') && hasCommand('espeak-ng') && hasCommand('sox');
if (!ready && process.env.CI === 'true') throw new Error('CI needs pocketsphinx_continuous, espeak-ng and sox');

describe.skipIf(!ready)('pocketsphinx after a VAD pre-roll of silence', () => {
  const hints = { vocabulary: { container: ['plex-server', 'job-exited', 'web-healthy'], host: [], mount: [] } };
  const router = testRouter();
  const stt = createPocketsphinxStt({ grammar: () => commandGrammar(hints, { lexicon: router.lexicon }) });
  afterAll(() => stt.close?.());

  // Untrimmed, 300 ms of leading silence made pocketsphinx 0.8 hear "do not" / "stop our web" here.
  it.each(['en', 'en-gb'])('still hears the verb of "restart plex server" (espeak-ng %s)', async (voice) => {
    const transcript = await stt.transcribe(concat(silence(0.3), speak('restart plex server', voice), silence(0.3)));
    expect(router.match(transcript.text, hints.vocabulary)?.intent).toBe('container_restart');
  });
});
