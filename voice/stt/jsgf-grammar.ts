/**
 * pocketsphinx's grammar, from the ONE grammar builder: src/router/grammar.ts turns the lexicon of the
 * registered tool areas (the router's own templates) and the current slot names (containers, mounts,
 * hosts ...) into JSGF, so the recogniser hears exactly what the router matches. This file adapts it to
 * the STT side: the vocabulary arrives as SttHints, a word counts as known when the pronunciation
 * dictionary can say it (compounds such as "jellyfin" included), and the grammar follows the state:
 * confirmations and declines ("yes", "do it", "nah", "yes restart plex server") are in it only while an
 * approval is pending, so "help" or "uptime" cannot be heard as one (measured: "help" -> "do it").
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

/** Intents that answer an approval: in the grammar only while one is pending. */
const answerIntents = new Set(['confirm', 'deny']);

/**
 * With nothing pending, the stop words a person says to interrupt sysvox (the barge-in listener uses
 * the same grammar) stay sayable; "no", "nah", "yes" and friends do not.
 */
const interruptions: Template = {
  intent: 'deny',
  patterns: ['stop [that]', 'cancel', 'never mind'],
};

/**
 * JSGF text for pocketsphinx for the current vocabulary and state (pass as createPocketsphinxStt's grammar).
 * - In the window right after an approval request (hints.expectPhrases) the grammar is just those phrases
 *   and the declines: the whole command grammar is wide enough that pocketsphinx mishears a long
 *   confirmation ("yes restart plex server") as a shorter command, and a wrong "yes" must not happen.
 * - With approvals pending (hints.pendingConfirmations) it is the command grammar plus the confirmations,
 *   the declines and each pending approval's own phrase.
 * - Otherwise it is the command grammar without any confirmation or decline (the stop words stay).
 * Built grammars are kept per lexicon and state, so switching between them costs a map lookup.
 */
export function commandGrammar(hints: SttHints | undefined, options: CommandGrammarOptions): string {
  const dictionary = options.dictionary ?? loadDictionary();
  const isKnownWord = (word: string) => dictionary.pronounce(word) !== undefined;
  const expected = expectedPhrases(hints?.expectPhrases ?? [], isKnownWord);
  if (expected.length > 0) {
    return [
      '#JSGF V1.0;',
      'grammar sysvox;',
      '',
      `public <command> = ${[...expected, ...declines].map((phrase) => `(${phrase})`).join(' | ')};`,
      '',
    ].join('\n');
  }
  const pending = expectedPhrases(hints?.pendingConfirmations ?? [], isKnownWord);
  const key = JSON.stringify([hints?.vocabulary ?? {}, pending]);
  const cache = cacheFor(options);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const templates = options.templates ?? options.lexicon.templates;
  const forState =
    pending.length > 0
      ? [...templates, { intent: 'confirm', patterns: pending }]
      : [
          ...templates.filter((template) => !answerIntents.has(template.intent)),
          ...(templates.some((template) => template.intent === 'deny') ? [interruptions] : []),
        ];
  const text = buildJsgf(options.lexicon, hints?.vocabulary ?? {}, { templates: forState, isKnownWord }).text;
  if (cache.size > 16) cache.clear();
  cache.set(key, text);
  return text;
}

/** Built grammars per (lexicon, templates, dictionary): a turn's grammar is usually the previous one. */
const caches = new WeakMap<object, WeakMap<object, Map<string, string>>>();
function cacheFor(options: CommandGrammarOptions): Map<string, string> {
  const owner = options.templates ?? options.lexicon;
  const byDictionary = caches.get(owner) ?? new WeakMap<object, Map<string, string>>();
  caches.set(owner, byDictionary);
  const dictionaryKey = options.dictionary ?? loadDictionary;
  const cache = byDictionary.get(dictionaryKey) ?? new Map<string, string>();
  byDictionary.set(dictionaryKey, cache);
  return cache;
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
