import type { PronunciationDictionary } from './pronunciation-dictionary.js';

const digitWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * How a name is spoken, as dictionary words: "plex-server" -> "plex server", "jellyfin" ->
 * "jellyfin" (a compound the dictionary can pronounce), "k3s" -> "k three s" (spelled).
 * Returns undefined when nothing pronounceable is left.
 */
export function spokenWords(name: string, dictionary: PronunciationDictionary): string | undefined {
  const words: string[] = [];
  const parts = name.toLowerCase().replace(/(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/g, ' ').split(/[^a-z0-9']+/);
  for (const part of parts) {
    if (!part) continue;
    if (/^\d+$/.test(part)) words.push(...[...part].map((digit) => digitWords[Number(digit)] ?? ''));
    else if (dictionary.pronounce(part)) words.push(part);
    else if (/^[a-z]+$/.test(part) && part.length <= 5) words.push(...part);
  }
  const pronounceable = words.filter((word) => word && dictionary.pronounce(word));
  return pronounceable.length > 0 ? pronounceable.join(' ') : undefined;
}
