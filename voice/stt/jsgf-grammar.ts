/**
 * pocketsphinx's grammar, from the ONE grammar builder: src/router/grammar.ts turns the router's own
 * templates and the current container, host and mount names into JSGF, so the recogniser hears
 * exactly what the router matches (including "yes restart plex server"). This file only adapts it to
 * the STT side: the vocabulary arrives as SttHints, and a word counts as known when the
 * pronunciation dictionary can say it (compounds such as "jellyfin" included).
 */
import { buildJsgf } from '../../src/router/grammar.js';
import type { Template } from '../../src/router/types.js';
import { loadDictionary, type PronunciationDictionary } from './pronunciation-dictionary.js';
import type { SttHints } from './stt.js';

export interface CommandGrammarOptions {
  /** Default: the router's templates (src/router/templates.ts). */
  templates?: readonly Template[];
  dictionary?: PronunciationDictionary;
}

const noNames = { containers: [], hosts: [], mounts: [] };

/** JSGF text for pocketsphinx for the current vocabulary (pass as createPocketsphinxStt's grammar). */
export function commandGrammar(hints?: SttHints, options: CommandGrammarOptions = {}): string {
  const dictionary = options.dictionary ?? loadDictionary();
  return buildJsgf(hints?.vocabulary ?? noNames, {
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
