/**
 * What may fill a slot. Container names match loosely: dashes, underscores, dots and spaces are
 * equivalent ("home assistant" = "homeassistant"), and a phrase that is the start of exactly one name,
 * or one whole dash-separated part of exactly one name, finds it ("plex" -> "plex-server").
 *
 * Decision (see template-syntax.md): {container} also accepts a short phrase that names no known container
 * (up to three plain words, none of them a stop word like "everything", "the", "server"), and returns it
 * raw, so the core can answer "There is no container called X" instead of handing a command to the brain.
 * {known-container} (used by weak patterns such as "how is X") accepts known names only.
 */
import type { SlotKind, Vocabulary } from './types.js';

const stopWords = new Set([
  'the', 'a', 'an', 'my', 'your', 'our', 'all', 'every', 'everything', 'anything', 'something', 'nothing',
  'it', 'that', 'this', 'these', 'those', 'them', 'they', 'why', 'what', 'how', 'when', 'where', 'who',
  'which', 'and', 'or', 'then', 'but', 'if', 'is', 'are', 'was', 'be', 'server', 'system', 'machine',
  'computer', 'docker', 'container', 'containers', 'services', 'me', 'you', 'i', 'to', 'of', 'for', 'with',
  'on', 'in', 'at', 'over', 'again', 'up', 'down', 'off', 'now', 'later', 'tomorrow', 'yesterday', 'broken',
  'one', 'thing', 'things', 'stuff', 'there', 'here', 'not', 'no', 'yes', 'so', 'too', 'very', 'about',
  'cpu', 'processor', 'memory', 'ram', 'swap', 'disk', 'disks', 'storage', 'space', 'load', 'uptime',
  'temperature', 'temp', 'logs', 'log', 'status', 'health', 'network', 'internet', 'wifi', 'help', 'error',
  'errors', 'kernel', 'recent', 'latest', 'last', 'new', 'old', 'any', 'some', 'every', 'please', 'again',
  'diagnostics', 'test', 'tests', 'update', 'updates', 'backup', 'backups', 'script', 'scripts', 'job',
  'jobs', 'process', 'processes', 'program', 'programs', 'host', 'hosts', 'box', 'homelab',
]);

/** Words that name the machine or a group, never one container, unless a container is called exactly that. */
const neverContainerParts = new Set([
  'server', 'system', 'machine', 'computer', 'host', 'box', 'homelab', 'docker', 'everything', 'all', 'it', 'that',
  'this', 'them', 'service', 'services', 'container', 'containers', 'app',
]);

const questionWords = new Set(['why', 'how', 'what', 'when', 'where', 'who', 'which']);

/** Lowercase with every separator removed: the form two names are compared in. */
function squashName(name: string): string {
  return name.toLowerCase().replace(/[\s\-_.]+/g, '');
}

function nameParts(name: string): string[] {
  return name.toLowerCase().split(/[\s\-_.]+/).filter((part) => part.length > 0);
}

/** Drops "the" in front and "container" behind: "the plex container" -> ["plex"]. */
function trimContainerWords(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && ['the', 'my'].includes(words[start]!)) start += 1;
  while (end > start && ['container', 'service', 'app'].includes(words[end - 1]!)) end -= 1;
  return words.slice(start, end);
}

/** The known container these words name, or null when none or more than one fits. */
function findContainer(words: string[], containers: readonly string[]): string | null {
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

function plausibleUnknownName(words: string[], vocabulary: Vocabulary): string | null {
  if (words.length === 0 || words.length > 3) return null;
  if (words.some((word) => stopWords.has(word) || !/^[a-z0-9][a-z0-9\-_.]*$/.test(word))) return null;
  if (words.every((word) => /^\d+$/.test(word))) return null;
  const phrase = words.join(' ');
  if (vocabulary.hosts.some((host) => squashName(host) === squashName(phrase))) return null;
  return words.length === 1 ? phrase : words.join('-');
}

function resolveContainer(words: string[], vocabulary: Vocabulary, allowUnknown: boolean): string | null {
  const trimmed = trimContainerWords(words);
  if (trimmed.length === 0) return null;
  const known = findContainer(trimmed, vocabulary.containers);
  if (known) return known;
  return allowUnknown ? plausibleUnknownName(trimmed, vocabulary) : null;
}

/** "root" -> "/", "slash data" -> "/data", "tank" -> "/mnt/tank" when that mount is known. */
function resolveMount(words: string[], mounts: readonly string[]): string | null {
  const phrase = words.join(' ');
  if (['root', '/', 'slash'].includes(phrase)) return '/';
  const path = phrase.startsWith('/') || phrase.startsWith('slash ')
    ? phrase.replace(/^slash /, '/').replace(/ slash /g, '/').replace(/\s+/g, '')
    : null;
  // A spelled-out path is a mount question even when nothing is mounted there: disk_usage says so.
  if (path !== null) return /^\/[a-z0-9/_.-]*$/.test(path) ? path : null;
  const lastParts = mounts.filter((mount) => mount !== '/' && squashName(mount.split('/').pop() ?? '') === squashName(phrase));
  return lastParts.length === 1 ? lastParts[0]! : null;
}

function resolveHost(words: string[], hosts: readonly string[]): string | null {
  const phrase = squashName(words.join(' '));
  return hosts.find((host) => squashName(host) === phrase) ?? null;
}

/** Free text (facts, the rest of a confirmation): any words, but never a question or a reminder. */
function resolveFreeText(words: string[], kind: 'fact' | 'query'): string | null {
  const first = words[0];
  if (kind === 'query' && (words.some((word) => questionWords.has(word)) || ['but', 'and', 'also'].includes(first ?? ''))) return null;
  if (first === undefined || ['to', 'why', 'how', 'when', 'what', 'where', 'who', 'if', 'about'].includes(first)) return null;
  if (words.length === 1 && stopWords.has(first)) return null;
  return words.join(' ');
}

/** The resolver the matcher calls for every candidate slot span. */
export function createSlotResolver(vocabulary: Vocabulary): (slot: SlotKind, words: string[]) => string | null {
  return (slot, words) => {
    switch (slot) {
      case 'container': return resolveContainer(words, vocabulary, true);
      case 'known-container': return resolveContainer(words, vocabulary, false);
      case 'mount': return resolveMount(words, vocabulary.mounts);
      case 'host': return resolveHost(words, vocabulary.hosts);
      case 'fact':
      case 'query': return resolveFreeText(words, slot);
    }
  };
}
