/**
 * The {unit} slot: the service units installed on the hosts (systemctl list-unit-files), matched by the
 * name without ".service" ("jellyfin" -> "jellyfin.service"). Known units only: an unknown word is no
 * unit, so "restart plex" stays Docker's. A name Docker knows as a container, or a host's name, is left
 * to them; "docker" said bare is Docker's too.
 * The names are cached per host and refreshed in the background; a turn waits for them at most briefly.
 */
import type { AreaSlot } from '../../src/router/area.js';
import { squashName } from '../../src/router/slot-resolvers.js';
import { spokenWords } from '../../src/router/spoken-words.js';
import type { Vocabulary } from '../../src/router/types.js';
import { spokenUnit } from './unit-name.js';

export interface UnitNamesOptions {
  hosts: () => readonly string[];
  names: (host: string) => Promise<string[]>;
  /** How long a host's names are kept before they are read again; default 5 minutes. */
  maxAgeMs?: number;
  /** How long a turn waits for names being read; default 1.5 s. */
  waitMs?: number;
  clock?: () => number;
}

/** A per-host cache of unit names: values() never fails and never waits long. */
export function createUnitNames(options: UnitNamesOptions): () => Promise<readonly string[]> {
  const maxAgeMs = options.maxAgeMs ?? 300_000;
  const clock = options.clock ?? Date.now;
  const cache = new Map<string, { names: string[]; at: number; reading?: Promise<void> }>();
  const refresh = (host: string) => {
    const entry = cache.get(host) ?? { names: [], at: -Infinity };
    if (entry.reading) return entry.reading;
    entry.reading = options
      .names(host)
      .then((names) => {
        entry.names = names;
        entry.at = clock();
      })
      .catch(() => undefined)
      .finally(() => {
        entry.reading = undefined;
      });
    cache.set(host, entry);
    return entry.reading;
  };
  return async () => {
    const hosts = options.hosts();
    const stale = hosts.filter((host) => clock() - (cache.get(host)?.at ?? -Infinity) > maxAgeMs);
    if (stale.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const wait = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.waitMs ?? 1500)));
      await Promise.race([Promise.all(stale.map(refresh)), wait]);
      clearTimeout(timer);
    }
    return [...new Set(hosts.flatMap((host) => cache.get(host)?.names ?? []))];
  };
}

/**
 * Said bare, these mean another area's subject ("is docker ok" is about the containers): a unit by that
 * name needs its noun ("is the docker service running").
 */
const otherSubjects = new Set(['docker', 'containerd', 'system', 'server']);

function resolveUnit(words: readonly string[], units: readonly string[], vocabulary: Vocabulary): string | null {
  const called = ['service', 'unit', 'daemon'].includes(words[words.length - 1] ?? '');
  const kept = called ? words.slice(0, -1) : words;
  const phrase = squashName(kept.join(' '));
  if (phrase.length === 0) return null;
  const others = [...(vocabulary.container ?? []), ...(vocabulary.host ?? [])];
  if (others.some((name) => squashName(name) === phrase)) return null;
  if (!called && otherSubjects.has(phrase)) return null;
  const found = units.filter((unit) => squashName(unit) === phrase || squashName(spokenUnit(unit)) === phrase);
  return found.length === 1 ? found[0]! : null;
}

export function unitSlot(names: () => Promise<readonly string[]>): AreaSlot {
  return {
    name: 'unit',
    values: names,
    resolve: (words, units, vocabulary) => resolveUnit(words, units, vocabulary),
    maxWords: 4,
    spoken: (unit) => [spokenWords(spokenUnit(unit))],
  };
}
