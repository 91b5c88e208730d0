/**
 * The {container} slot. Container names match loosely: dashes, underscores, dots and spaces are
 * equivalent ("home assistant" = "homeassistant"), and a phrase that is the start of exactly one name,
 * or one whole dash-separated part of exactly one name, finds it ("plex" -> "plex-server").
 *
 * Decision (see src/router/template-syntax.md): {container} also accepts a short phrase that names no
 * known container and returns it raw, so the core can answer "There is no container called X" instead of
 * handing a command to the brain: one plain word ("restart grafana"), or up to three when the person
 * called it a container ("restart the home bridge container", "the jellyfin thing"); never with "the" or
 * "my" alone in front ("stop the music", "turn off the tv"); never a stop word like "everything",
 * "the", "server", a verb in -ing ("stop talking"), nor a name another slot knows, such as a host.
 * {known-container} (used by weak patterns such as "how is X") accepts known names only; {the-container}
 * (after a determiner in a pattern, through the <ctr> class) accepts an unknown name only when called a container.
 * Loose words around a name are dropped: "the plex one", "the jellyfin thing", "the plex container".
 */
import type { AreaSlot } from '../../src/router/area.js';
import { spokenWords } from '../../src/router/spoken-words.js';
import { squashName, stopWords } from '../../src/router/slot-resolvers.js';
import type { Vocabulary } from '../../src/router/types.js';

/** Words that name the machine or a group, never one container, unless a container is called exactly that. */
const neverContainerParts = new Set([
  'server',
  'system',
  'machine',
  'computer',
  'host',
  'box',
  'homelab',
  'docker',
  'everything',
  'all',
  'it',
  'that',
  'this',
  'them',
  'service',
  'services',
  'container',
  'containers',
  'app',
]);

function nameParts(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s\-_.]+/)
    .filter((part) => part.length > 0);
}

/** Words behind a name that say what kind of thing it is: "the plex container", "the jellyfin thing". */
const kindWords = new Set(['container', 'service', 'app', 'thing', 'one']);

interface Trimmed {
  words: readonly string[];
  /** "the ..." or "my ...": said of things in general ("stop the music"), unless it is called a container. */
  determiner: boolean;
  /** "the grafana container", "the jellyfin thing": the person means a container by it. */
  calledContainer: boolean;
}

/** Drops "the" in front and "container" behind: "the plex container" -> ["plex"]. */
function trimContainerWords(words: readonly string[]): Trimmed {
  let start = 0;
  let end = words.length;
  let calledContainer = false;
  while (start < end && ['the', 'my'].includes(words[start]!)) start += 1;
  while (end > start && kindWords.has(words[end - 1]!)) {
    if (['container', 'service', 'thing'].includes(words[end - 1]!)) calledContainer = true;
    end -= 1;
  }
  return { words: words.slice(start, end), determiner: start > 0, calledContainer };
}

/** The known container these words name, or null when none or more than one fits. */
function findContainer(words: readonly string[], containers: readonly string[]): string | null {
  const phrase = squashName(words.join(' '));
  if (phrase.length === 0) return null;
  const exact = containers.filter((name) => squashName(name) === phrase);
  if (exact.length === 1) return exact[0]!;
  if (phrase.length < 2 || words.some((word) => neverContainerParts.has(word))) return null;
  const partial = containers.filter((name) => {
    const parts = nameParts(name);
    return squashName(name).startsWith(phrase) || parts.some((part) => part === phrase);
  });
  return partial.length === 1 ? partial[0]! : null;
}

/** A name another slot knows (a host, a job): never an unknown container. */
function namedByOtherSlot(phrase: string, vocabulary: Vocabulary): boolean {
  const squashed = squashName(phrase);
  for (const slot in vocabulary) {
    if (slot !== 'container' && vocabulary[slot]!.some((name) => squashName(name) === squashed)) return true;
  }
  return false;
}

/** 'any': one plain word, or up to three called a container; 'called': only when called a container. */
type Unknown = 'none' | 'any' | 'called';

function plausibleUnknownName(
  { words, determiner, calledContainer }: Trimmed,
  vocabulary: Vocabulary,
  unknown: Unknown,
): string | null {
  if (unknown === 'none' || (unknown === 'called' && !calledContainer)) return null;
  if (words.length === 0 || words.length > (calledContainer ? 3 : 1)) return null;
  if (determiner && !calledContainer) return null;
  if (words.some((word) => stopWords.has(word) || !/^[a-z0-9][a-z0-9\-_.]*$/.test(word))) return null;
  if (words.some((word) => /^[a-z]{3,}ing$/.test(word))) return null;
  if (words.every((word) => /^\d+$/.test(word))) return null;
  const phrase = words.join(' ');
  if (namedByOtherSlot(phrase, vocabulary)) return null;
  return words.length === 1 ? phrase : words.join('-');
}

function resolveContainer(
  words: readonly string[],
  containers: readonly string[],
  vocabulary: Vocabulary,
  unknown: Unknown,
): string | null {
  const found = trimContainerWords(words);
  const trimmed = found.words;
  if (trimmed.length === 0) return null;
  const known = findContainer(trimmed, containers);
  if (known) return known;
  // "the plex one" reaches here as "plex 1" (spoken numbers): the 1 is the word "one" when plex is known.
  if (trimmed.length > 1 && trimmed[trimmed.length - 1] === '1') {
    const withoutOne = findContainer(trimmed.slice(0, -1), containers);
    if (withoutOne) return withoutOne;
  }
  return plausibleUnknownName(found, vocabulary, unknown);
}

/**
 * "plex-server" is heard as "plex server" and as "plex". A first part of three letters or fewer ("db",
 * "web", "job") is not a name on its own in the recogniser: one short syllable draws other speech to it.
 */
function spokenContainer(name: string): string[] {
  const first = name.split(/[-_.]/)[0] ?? '';
  return [spokenWords(name), ...(first.length >= 4 && first !== name ? [spokenWords(first)] : [])];
}

/** The slot with its names from `names` (Docker's, cached by the client; an unreachable Docker gives none). */
export function containerSlot(names: () => Promise<readonly string[]>): AreaSlot {
  return {
    name: 'container',
    values: names,
    resolve: (words, containers, vocabulary) => resolveContainer(words, containers, vocabulary, 'any'),
    forms: {
      'known-container': (words, containers, vocabulary) => resolveContainer(words, containers, vocabulary, 'none'),
      // After "the" / "my" in a pattern: "stop the music" is not a container, "stop the grafana container" may be.
      'the-container': (words, containers, vocabulary) => resolveContainer(words, containers, vocabulary, 'called'),
    },
    maxWords: 5,
    spoken: spokenContainer,
  };
}
