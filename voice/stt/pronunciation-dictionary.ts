import { readFileSync } from 'node:fs';
import { withVariants } from './pronunciation-variants.js';

export const defaultDictionaryPath = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';

/** Word -> phone strings, as in CMUdict ("plex" -> ["P L EH K S"]). */
export interface PronunciationDictionary {
  pronounce(word: string): string[] | undefined;
}

const cache = new Map<string, PronunciationDictionary>();

/** Loads a CMUdict-format file once per path (about 100 ms for the 134k-word en-us dictionary). */
export function loadDictionary(
  path = defaultDictionaryPath,
  readFile = (file: string) => readFileSync(file, 'utf8'),
): PronunciationDictionary {
  const cached = cache.get(path);
  if (cached) return cached;
  const entries = new Map<string, string[]>();
  for (const line of readFile(path).split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const word = line.slice(0, space).replace(/\(\d+\)$/, '');
    const phones = line.slice(space + 1).trim();
    const existing = entries.get(word);
    if (existing) existing.push(phones);
    else entries.set(word, [phones]);
  }
  const dictionary = withCompounds(entries);
  cache.set(path, dictionary);
  return dictionary;
}

/**
 * Words missing from the dictionary are pronounced as a compound of dictionary words when they
 * split into at most three of them ("jellyfin" -> "jelly" + "fin"); otherwise undefined.
 */
function withCompounds(entries: Map<string, string[]>): PronunciationDictionary {
  const split = (word: string, partsLeft: number): string | undefined => {
    const whole = entries.get(word)?.[0];
    if (whole) return whole;
    if (partsLeft <= 1) return undefined;
    for (let cut = word.length - 2; cut >= 2; cut--) {
      const head = entries.get(word.slice(0, cut))?.[0];
      if (!head) continue;
      const tail = split(word.slice(cut), partsLeft - 1);
      if (tail) return `${head} ${tail}`;
    }
    return undefined;
  };
  return {
    pronounce(word) {
      const known = entries.get(word);
      if (known) return withVariants(word, known);
      const compound = split(word, 3);
      const variants = withVariants(word, compound ? [compound] : []);
      return variants.length > 0 ? variants : undefined;
    },
  };
}

/** CMUdict-format text for just these words (a small dictionary loads in milliseconds). */
export function dictionaryText(words: Iterable<string>, dictionary: PronunciationDictionary): string {
  const lines: string[] = [];
  for (const word of [...new Set(words)].sort()) {
    const variants = dictionary.pronounce(word) ?? [];
    variants.forEach((phones, index) => lines.push(`${index === 0 ? word : `${word}(${index + 1})`} ${phones}`));
  }
  return lines.join('\n') + '\n';
}
