/**
 * The {container} slot. Container names match loosely: dashes, underscores, dots and spaces are
 * equivalent ("home assistant" = "homeassistant"), and a phrase that is the start of exactly one name,
 * or one whole dash-separated part of exactly one name, finds it ("plex" -> "plex-server").
 *
 * Decision (see src/router/template-syntax.md): {container} also accepts a short phrase that names no
 * known container (up to three plain words, none of them a stop word like "everything", "the", "server",
 * nor a name another slot knows, such as a host), and returns it raw, so the core can answer "There is no
 * container called X" instead of handing a command to the brain. {known-container} (used by weak patterns
 * such as "how is X") accepts known names only.
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

/** Drops "the" in front and "container" behind: "the plex container" -> ["plex"]. */
function trimContainerWords(words: readonly string[]): readonly string[] {
  let start = 0;
  let end = words.length;
  while (start < end && ['the', 'my'].includes(words[start]!)) start += 1;
  while (end > start && ['container', 'service', 'app'].includes(words[end - 1]!)) end -= 1;
  return words.slice(start, end);
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

function plausibleUnknownName(words: readonly string[], vocabulary: Vocabulary): string | null {
  if (words.length === 0 || words.length > 3) return null;
  if (words.some((word) => stopWords.has(word) || !/^[a-z0-9][a-z0-9\-_.]*$/.test(word))) return null;
  if (words.every((word) => /^\d+$/.test(word))) return null;
  const phrase = words.join(' ');
  if (namedByOtherSlot(phrase, vocabulary)) return null;
  return words.length === 1 ? phrase : words.join('-');
}

function resolveContainer(
  words: readonly string[],
  containers: readonly string[],
  vocabulary: Vocabulary,
  allowUnknown: boolean,
): string | null {
  const trimmed = trimContainerWords(words);
  if (trimmed.length === 0) return null;
  const known = findContainer(trimmed, containers);
  if (known) return known;
  return allowUnknown ? plausibleUnknownName(trimmed, vocabulary) : null;
}

/** "plex-server" is heard as "plex server" and as "plex". */
function spokenContainer(name: string): string[] {
  const first = name.split(/[-_.]/)[0] ?? '';
  return [spokenWords(name), ...(first.length >= 2 && first !== name ? [spokenWords(first)] : [])];
}

/** The slot with its names from `names` (Docker's, cached by the client; an unreachable Docker gives none). */
export function containerSlot(names: () => Promise<readonly string[]>): AreaSlot {
  return {
    name: 'container',
    values: names,
    resolve: (words, containers, vocabulary) => resolveContainer(words, containers, vocabulary, true),
    forms: {
      'known-container': (words, containers, vocabulary) => resolveContainer(words, containers, vocabulary, false),
    },
    maxWords: 5,
    spoken: spokenContainer,
  };
}
