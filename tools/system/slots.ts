/**
 * The system area's slots: {mount} (a filesystem of this machine) and {host} (this machine's name, so
 * "how is <hostname>" is a status question; the SSH area will bring the other hosts).
 */
import type { AreaSlot } from '../../src/router/area.js';
import { squashName } from '../../src/router/slot-resolvers.js';
import { spokenWords } from '../../src/router/spoken-words.js';

/** "root" -> "/", "slash data" -> "/data", "tank" -> "/mnt/tank" when that mount is known. */
function resolveMount(words: readonly string[], mounts: readonly string[]): string | null {
  const phrase = words.join(' ');
  if (['root', '/', 'slash'].includes(phrase)) return '/';
  const path =
    phrase.startsWith('/') || phrase.startsWith('slash ')
      ? phrase
          .replace(/^slash /, '/')
          .replace(/ slash /g, '/')
          .replace(/\s+/g, '')
      : null;
  // A spelled-out path is a mount question even when nothing is mounted there: disk_usage says so.
  if (path !== null) return /^\/[a-z0-9/_.-]*$/.test(path) ? path : null;
  const lastParts = mounts.filter(
    (mount) => mount !== '/' && squashName(mount.split('/').pop() ?? '') === squashName(phrase),
  );
  return lastParts.length === 1 ? lastParts[0]! : null;
}

/** The mount slot, with the real filesystems' mount points as names (overlay and tmpfs are not names a person says). */
export function mountSlot(mounts: () => Promise<readonly string[]>): AreaSlot {
  return {
    name: 'mount',
    values: mounts,
    resolve: (words, mounts) => resolveMount(words, mounts),
    maxWords: 6,
    spoken: (mount) => (mount === '/' ? ['root'] : [spokenWords(mount), spokenWords(mount.split('/').pop() ?? '')]),
  };
}

export function hostSlot(hosts: () => Promise<readonly string[]>): AreaSlot {
  return {
    name: 'host',
    values: hosts,
    resolve: (words, hosts) => {
      const phrase = squashName(words.join(' '));
      return hosts.find((host) => squashName(host) === phrase) ?? null;
    },
    maxWords: 3,
  };
}
