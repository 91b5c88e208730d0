import { readFileSync } from 'node:fs';
import { withVariants } from './pronunciation-variants.js';

export const defaultDictionaryPath = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';

/** Word -> phone strings, as in CMUdict ("plex" -> ["P L EH K S"]). */
export interface PronunciationDictionary {
  pronounce(word: string): string[] | undefined;
}

const cache = new Map<string, PronunciationDictionary>();

/**
 * Loads a CMUdict-format file once per path (about 100 ms for the 134k-word en-us dictionary). It is
 * kept as the file's text plus its line starts sorted by word, and looked up by binary search: a Map of
 * every word held ~25 MB of JS heap for the life of the service (docs/decisions/022-idle-memory.md).
 */
export function loadDictionary(
  path = defaultDictionaryPath,
  readFile = (file: string) => readFileSync(file, 'utf8'),
): PronunciationDictionary {
  const cached = cache.get(path);
  if (cached) return cached;
  const dictionary = withCompounds(sortedLines(readFile(path)));
  cache.set(path, dictionary);
  return dictionary;
}

/** The word of the line at `start` ("plex(2) P L EH K S" -> "plex"). */
function wordAt(text: string, start: number): string {
  return text.slice(start, text.indexOf(' ', start)).replace(/\(\d+\)$/, '');
}

/** Every variant of a word, in file order: the lines are sorted by word, stably, so variants sit together. */
function sortedLines(text: string): (word: string) => string[] | undefined {
  const starts: number[] = [];
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    const space = text.indexOf(' ', start);
    if (space > start && space < stop) starts.push(start);
    start = stop + 1;
  }
  const lines = sortByWord(text, starts);
  return (word) => {
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(wordAt(text, lines[middle]!), word) < 0) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let at = low; at < lines.length && wordAt(text, lines[at]!) === word; at++) {
      const start = lines[at]!;
      const end = text.indexOf('\n', start);
      found.push(text.slice(text.indexOf(' ', start) + 1, end < 0 ? text.length : end).trim());
    }
    return found.length > 0 ? found : undefined;
  };
}

/**
 * The line starts ordered by their word, stably. A function of its own: the word list must not share a
 * closure context with the lookup that sortedLines returns, or V8 keeps all 134k words alive with it.
 */
function sortByWord(text: string, starts: number[]): Int32Array {
  const words = starts.map((start) => wordAt(text, start));
  const order = starts.map((_, index) => index).sort((left, right) => compare(words[left]!, words[right]!));
  return Int32Array.from(order, (index) => starts[index]!);
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Words missing from the dictionary are pronounced as a compound of dictionary words when they
 * split into at most three of them ("jellyfin" -> "jelly" + "fin"); otherwise undefined.
 */
function withCompounds(lookUp: (word: string) => string[] | undefined): PronunciationDictionary {
  const split = (word: string, partsLeft: number): string | undefined => {
    const whole = lookUp(word)?.[0];
    if (whole) return whole;
    if (partsLeft <= 1) return undefined;
    for (let cut = word.length - 2; cut >= 2; cut--) {
      const head = lookUp(word.slice(0, cut))?.[0];
      if (!head) continue;
      const tail = split(word.slice(cut), partsLeft - 1);
      if (tail) return `${head} ${tail}`;
    }
    return undefined;
  };
  return {
    pronounce(word) {
      const known = lookUp(word);
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
