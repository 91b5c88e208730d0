/**
 * Whisper writes what it hears as subtitles: capitals, punctuation, "20%", "1,000", typographic quotes,
 * and names split or spaced the way it guesses ("Home Assistant", "Jelly fin"). This turns a transcript
 * into the words the router reads, before it sees them: the router's own normalisation
 * (src/router/normalize.ts) then does the rest (contractions, "CPU's", number words, fillers).
 * A run of up to three words whose letters and digits spell a name in this turn's vocabulary is
 * replaced by the name as the vocabulary spells it ("home assistant" -> homeassistant).
 */
import type { Vocabulary } from '../../src/router/types.js';

const maxNameWords = 3;

/** "Plex-Server" -> "plexserver": what a name sounds like, whatever its separators. */
const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The transcript as words the router reads, with vocabulary names spelled as the vocabulary spells them. */
export function normaliseWhisperText(text: string, vocabulary: Vocabulary = {}): string {
  const plain = text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2026/g, ' ')
    .replace(/[\u2013\u2014]/g, ' ')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/(\d)\s*%/g, '$1 percent')
    .replace(/\b((?:[A-Za-z]\.){2,})/g, (letters: string) => letters.replace(/\./g, ''))
    .replace(/[.,!?;:"]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return spellNames(plain, vocabulary);
}

function spellNames(text: string, vocabulary: Vocabulary): string {
  const names = new Map<string, string>();
  for (const values of Object.values(vocabulary))
    for (const value of values ?? []) {
      const key = compact(value);
      if (key.length >= 3 && !value.includes('/') && !names.has(key)) names.set(key, value);
    }
  if (names.size === 0 || !text) return text;
  const words = text.split(' ');
  const out: string[] = [];
  for (let index = 0; index < words.length;) {
    const match = longestName(words, index, names);
    if (match) {
      out.push(match.name);
      index += match.length;
    } else {
      out.push(words[index] ?? '');
      index++;
    }
  }
  return out.join(' ');
}

function longestName(words: string[], start: number, names: Map<string, string>) {
  for (let length = Math.min(maxNameWords, words.length - start); length >= 1; length--) {
    const said = words.slice(start, start + length);
    const name = names.get(compact(said.join('')));
    // A single word is only respelled when the name has separators it lacks ("plexserver" -> plex-server);
    // "data" stays a word even with a /data mount.
    if (name && (length > 1 || (said[0] !== name && /[-_.]/.test(name)))) return { name, length };
  }
  return undefined;
}
