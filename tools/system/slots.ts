/**
 * The system area's slots: {mount} (a filesystem of this machine) and {host} (this machine's name and
 * the configured SSH hosts, so "how is nas" and "the load on the nas" are questions about that host).
 */
import type { AreaSlot } from '../../src/router/area.js';
import { squashName } from '../../src/router/slot-resolvers.js';
import { spokenWords } from '../../src/router/spoken-words.js';

/**
 * A path as typed ("/mnt/tank", one word) or said ("slash mnt slash tank": slash and a word, in turns);
 * null for anything else, so "/data almost" is never the path "/dataalmost".
 */
function spelledPath(words: readonly string[]): string | null {
  if (words.length === 1 && words[0]!.startsWith('/')) return words[0]!;
  if (words[0] !== 'slash' || words.length % 2 !== 0) return null;
  const parts = words.filter((_, index) => index % 2 === 1);
  const slashes = words.filter((_, index) => index % 2 === 0);
  if (slashes.some((word) => word !== 'slash') || parts.some((word) => word === 'slash')) return null;
  return `/${parts.join('/')}`;
}

/** "root" -> "/", "slash data" -> "/data", "tank" -> "/mnt/tank" when that mount is known. */
function resolveMount(words: readonly string[], mounts: readonly string[]): string | null {
  const phrase = words.join(' ');
  if (['root', '/', 'slash'].includes(phrase)) return '/';
  const path = spelledPath(words);
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
    spoken: (mount) =>
      mount === '/'
        ? // "root" alone draws short speech ("server", "load") to itself in the recogniser: it needs its noun there.
          ['root file system', 'root filesystem', 'root partition', 'root drive', 'root disk', 'slash']
        : [spokenWords(mount), spokenWords(mount.split('/').pop() ?? '')],
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

/**
 * {threshold}: the number in a yes/no check ("is the cpu over 80 percent", "is the load above 4"),
 * digits after normalisation ("eighty" -> "80"). It has no names, so the recogniser's grammar leaves
 * the patterns that need it out.
 */
export function thresholdSlot(): AreaSlot {
  return {
    name: 'threshold',
    values: async () => [],
    resolve: (words) => (words.length === 1 && /^\d+(\.\d+)?$/.test(words[0]!) ? words[0]! : null),
    maxWords: 1,
  };
}
