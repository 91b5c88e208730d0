import { afterAll, describe, expect, it } from 'vitest';
import { commandGrammar } from '../../voice/stt/jsgf-grammar.js';
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import type { SttHints } from '../../voice/stt/stt.js';
import { testRouter } from '../helpers/router-areas.js';
import { hasCommand, noise, silence, speak } from './speech-audio.js';

const ready = hasCommand('pocketsphinx_continuous') && hasCommand('espeak-ng') && hasCommand('sox');
if (!ready && process.env.CI === 'true')
  throw new Error(
    'CI needs pocketsphinx_continuous, espeak-ng and sox: apt-get install pocketsphinx pocketsphinx-en-us espeak-ng sox',
  );

/** The registered areas' templates, with these names (the grammar the voice channel uses). */
const hints = { vocabulary: { container: ['plex-server', 'jellyfin', 'home_assistant'], mount: ['/data'], host: [] } };
const router = testRouter();
const grammar = (callHints?: SttHints) => commandGrammar({ ...hints, ...callHints }, { lexicon: router.lexicon });
/** While "yes, restart plex-server" waits for an answer: the grammar holds confirmations and declines. */
const pending: SttHints = { pendingConfirmations: ['yes, restart plex-server'] };

describe.skipIf(!ready)('pocketsphinx grammar STT (real engine, espeak-ng audio)', () => {
  const stt = createPocketsphinxStt({ grammar });
  afterAll(() => stt.close?.());

  // The whole router grammar is wider than a test grammar ("restart a plex", "nah"), so what counts is
  // that the router reads the transcript as the same request.
  it.each([
    ['what is the cpu usage', 'cpu', undefined, undefined],
    ['is plex healthy', 'container_status', 'plex-server', undefined],
    ['stop', 'deny', undefined, undefined],
    ['yes restart plex server', 'confirm', undefined, pending],
    ['no', 'deny', undefined, pending],
  ])('hears "%s" as words the router reads as %s', async (said, intent, container, callHints) => {
    const transcript = await stt.transcribe(speak(said), { hints: callHints });
    expect(transcript.engine).toBe('pocketsphinx');
    const match = router.match(transcript.text, hints.vocabulary);
    expect(match?.intent).toBe(intent);
    if (container) expect(match?.slots.container).toBe(container);
  });

  it('hears a container whose name is not in the dictionary (jellyfin, spoken as a compound)', async () => {
    expect((await stt.transcribe(speak('is jellyfin healthy'))).text).toBe('is jellyfin healthy');
  });

  it('gives an empty transcript for silence and for noise', async () => {
    expect((await stt.transcribe(silence(2))).text).toBe('');
    expect((await stt.transcribe(noise(2))).text).toBe('');
  });

  it('does not force out-of-grammar speech into a command or a confirmation', async () => {
    expect((await stt.transcribe(speak('the weather is nice today in paris'))).text).toBe('');
  });

  it('probes ok when the engine and the acoustic model are installed', async () => {
    expect((await stt.probe()).status).toBe('ok');
  });

  it('reports a missing binary with the apt fix', async () => {
    const missing = createPocketsphinxStt({ grammar, binary: 'pocketsphinx-not-installed' });
    await expect(missing.transcribe(speak('no'))).rejects.toThrow(/apt-get install pocketsphinx/);
    expect((await missing.probe()).status).toBe('fail');
    await missing.close?.();
  });
});
