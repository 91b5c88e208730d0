/**
 * pocketsphinx's grammar, from the ONE grammar builder: src/router/grammar.ts turns the lexicon of the
 * registered tool areas (the router's own templates) and the current slot names (containers, mounts,
 * hosts ...) into JSGF, so the recogniser hears exactly what the router matches (including "yes restart
 * plex server"). This file only adapts it to the STT side: the vocabulary arrives as SttHints, and a
 * word counts as known when the pronunciation dictionary can say it (compounds such as "jellyfin" included).
 */
import { buildJsgf, spokenWords } from '../../src/router/grammar.js';
import type { Lexicon } from '../../src/router/lexicon.js';
import type { Template } from '../../src/router/types.js';
import { loadDictionary, type PronunciationDictionary } from './pronunciation-dictionary.js';
import type { SttHints } from './stt.js';

export interface CommandGrammarOptions {
  /** The router's words: router.lexicon, or createLexicon(areas). */
  lexicon: Lexicon;
  /** Default: the lexicon's templates. */
  templates?: readonly Template[];
  dictionary?: PronunciationDictionary;
}

/** Always heard while a confirmation is expected, so the person can still decline or interrupt. */
const declines = ['no', 'cancel', 'stop', 'never mind'];

/**
 * JSGF text for pocketsphinx for the current vocabulary (pass as createPocketsphinxStt's grammar).
 * While a spoken confirmation is expected (hints.expectPhrases) the grammar is just those phrases and
 * the declines: the whole command grammar is wide enough that pocketsphinx mishears a long
 * confirmation ("yes restart plex server") as a shorter command, and a wrong "yes" is what must not happen.
 */
export function commandGrammar(hints: SttHints | undefined, options: CommandGrammarOptions): string {
  const dictionary = options.dictionary ?? loadDictionary();
  const expected = expectedPhrases(hints?.expectPhrases ?? [], (word) => dictionary.pronounce(word) !== undefined);
  if (expected.length > 0) {
    return [
      '#JSGF V1.0;',
      'grammar sysvox;',
      '',
      `public <command> = ${[...expected, ...declines].map((phrase) => `(${phrase})`).join(' | ')};`,
      '',
    ].join('\n');
  }
  return buildJsgf(options.lexicon, hints?.vocabulary ?? {}, {
    templates: options.templates,
    isKnownWord: (word) => dictionary.pronounce(word) !== undefined,
  }).text;
}

/** Every word a JSGF grammar can produce (what the pronunciation dictionary must hold). */
export function grammarWords(jsgf: string): string[] {
  const words = new Set<string>();
  for (const line of jsgf.split('\n')) {
    const equals = line.indexOf('=');
    if (equals < 0 || line.startsWith('#')) continue;
    const body = line.slice(equals + 1).replace(/<[^>]*>|\/[\d.e-]+\/|[()[\]|;*+]/g, ' ');
    for (const word of body.split(/\s+/)) if (word) words.add(word);
  }
  return [...words];
}

/** "yes, restart plex-server" -> "yes restart plex server"; phrases with a word the dictionary lacks are left out. */
function expectedPhrases(phrases: string[], isKnownWord: (word: string) => boolean): string[] {
  const spoken = phrases
    .map((phrase) => spokenWords(phrase))
    .filter((phrase) => phrase.length > 0 && phrase.split(' ').every(isKnownWord));
  return [...new Set(spoken)];
}
