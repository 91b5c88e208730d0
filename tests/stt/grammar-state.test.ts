/**
 * The recogniser's grammar follows the state: with no approval pending, "help" and "uptime" cannot be
 * heard as a confirmation ("do it", "nah"); with one pending, "yes" is heard as yes. Real pocketsphinx
 * on espeak-ng speech, through the grammar the voice channel asks for.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { commandGrammar } from '../../voice/stt/jsgf-grammar.js';
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import { requireAudio, speak } from '../helpers/audio-fixtures.js';
import { testRouter } from '../helpers/router-areas.js';
import { corpusVocabulary, pendingPhrase } from './spoken-corpus.js';

const needs = requireAudio({ commands: ['pocketsphinx_continuous', 'espeak-ng'] });
const router = testRouter();
const voices = [
  { voice: 'en-us', speed: 175 },
  { voice: 'en-gb-x-rp', speed: 160 },
  { voice: 'en+m3', speed: 175 },
];

describe.skipIf(needs.skip)('pocketsphinx grammar by state (real engine, espeak-ng audio)', () => {
  const stt = createPocketsphinxStt({ grammar: (hints) => commandGrammar(hints, { lexicon: router.lexicon }) });
  afterAll(() => stt.close?.());
  const hear = async (said: string, voice: (typeof voices)[number], pending: boolean) => {
    const hints = { vocabulary: corpusVocabulary, pendingConfirmations: pending ? [pendingPhrase] : [] };
    const heard = (await stt.transcribe(speak(said, voice), { hints })).text;
    return { heard, intent: router.match(heard, corpusVocabulary)?.intent };
  };

  it.each(voices)('hears "help" as help with nothing pending ($voice $speed)', async (voice) => {
    expect(await hear('help', voice, false)).toEqual({ heard: 'help', intent: 'help' });
  });

  it.each(voices)('hears "yes" as a confirmation while an approval is pending ($voice $speed)', async (voice) => {
    expect((await hear('yes', voice, true)).intent).toBe('confirm');
  });

  it.each(voices)('never hears a confirmation in "uptime" with nothing pending ($voice $speed)', async (voice) => {
    const { intent } = await hear('uptime', voice, false);
    expect(intent).not.toBe('confirm');
    expect(intent).not.toBe('deny');
  });
});
