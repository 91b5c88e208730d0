import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandGrammar, grammarWords } from '../../voice/stt/jsgf-grammar.js';
import { loadDictionary } from '../../voice/stt/pronunciation-dictionary.js';
import { routerLexicon } from '../helpers/router-areas.js';

const dictionaryPath = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';
const ready = existsSync(dictionaryPath);
if (!ready && process.env.CI === 'true') throw new Error('CI needs pocketsphinx-en-us (the CMU dictionary)');

describe.skipIf(!ready)('pocketsphinx grammar from the router templates (one builder)', () => {
  const dictionary = loadDictionary(dictionaryPath);
  const lexicon = routerLexicon();
  const hints = {
    vocabulary: { container: ['plex-server', 'jellyfin', 'qxzvbnmrtk'], host: ['nas'], mount: ['/data'] },
  };

  it('speaks container names as dictionary words, compounds included, and drops unsayable ones', () => {
    const jsgf = commandGrammar(hints, { lexicon, dictionary });
    expect(jsgf).toMatch(/<slot_container> = \(plex server \| plex \| jellyfin\);/);
    expect(jsgf).not.toContain('qxzvbnmrtk');
  });

  it('covers the targeted voice confirmation "yes restart <container>" while an approval is pending', () => {
    const jsgf = commandGrammar(
      { ...hints, pendingConfirmations: ['yes, restart plex-server'] },
      { lexicon, dictionary },
    );
    // One pattern per action (tools/docker/words.ts), so a match says which action the yes names; the
    // recogniser hears the action's own verb (the template's spoken phrasing).
    expect(jsgf).toMatch(/\(yes \|[^)]*\) \[please\] restart [^;]*<slot_container>/);
    expect(jsgf).toMatch(/\(yes \|[^)]*\) \[please\] stop [^;]*<slot_container>/);
    expect(jsgf).toContain('(yes restart plex server)');
    expect(jsgf).toMatch(/do it/);
    expect(jsgf).toMatch(/\(stop \[that\]\)/);
  });

  it('holds no confirmation or decline with nothing pending, but keeps the stop words', () => {
    const words = grammarWords(commandGrammar(hints, { lexicon, dictionary }));
    for (const word of ['yes', 'yeah', 'yep', 'nah', 'nope', 'approve', 'affirmative'])
      expect(words).not.toContain(word);
    expect(commandGrammar(hints, { lexicon, dictionary })).not.toMatch(/do it|go ahead/);
    expect(words).toEqual(expect.arrayContaining(['stop', 'cancel', 'help']));
  });

  it('leaves out a container pattern when there are no containers, keeping the rest', () => {
    const jsgf = commandGrammar(undefined, { lexicon, dictionary });
    expect(jsgf).not.toContain('<slot_container>');
    expect(jsgf).toContain('cpu');
  });

  it('lists every word the grammar can produce, for the pronunciation dictionary', () => {
    const jsgf = commandGrammar(hints, {
      lexicon,
      dictionary,
      templates: [{ intent: 'container_status', patterns: ['is {container} healthy'] }],
    });
    expect(grammarWords(jsgf).sort()).toEqual([
      'data',
      'healthy',
      'hey',
      'is',
      'jarvis',
      'jellyfin',
      'please',
      'plex',
      'server',
      'slash',
    ]);
  });
});

describe.skipIf(!ready)('pocketsphinx grammar while a spoken confirmation is expected', () => {
  const dictionary = loadDictionary(dictionaryPath);

  it('is just the confirmation phrase and the declines', () => {
    const jsgf = commandGrammar(
      { vocabulary: { container: ['plex-server'], host: [], mount: [] }, expectPhrases: ['yes, restart plex-server'] },
      { lexicon: routerLexicon(), dictionary },
    );
    expect(jsgf).toContain('public <command> = (yes restart plex server) | (no) | (cancel) | (stop) | (never mind);');
  });
});
