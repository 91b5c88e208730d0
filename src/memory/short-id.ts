/**
 * Short hex ids that people type (`sysvox alerts ack 3f2a`): what they typed is normalised to a hex
 * prefix, and a prefix names a row only when exactly one row starts with it.
 */
import { randomBytes } from 'node:crypto';

/** The lowercase hex prefix someone typed, or undefined when it cannot be one ("", "plex", "3f 2a"). */
export function hexPrefix(typed: string): string | undefined {
  const prefix = typed.trim().toLowerCase();
  return /^[0-9a-f]{1,64}$/.test(prefix) ? prefix : undefined;
}

/** The LIKE pattern for a normalised prefix (hex needs no escaping). */
export const likePrefix = (prefix: string) => `${prefix}%`;

/** The one match, or undefined when there is none or more than one (the caller asks for two rows at most). */
export function onlyMatch<T>(matches: readonly T[]): T | undefined {
  return matches.length === 1 ? matches[0] : undefined;
}

/** A random id of `bytes` bytes in hex (8 hex digits by default). */
export const randomHexId = (bytes = 4) => randomBytes(bytes).toString('hex');
