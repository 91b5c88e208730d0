/**
 * Is a value a random token (a key, a password generator's output) rather than a word, a path, a
 * version, a UUID or a hash that logs print everywhere? Decided by character classes and Shannon entropy.
 */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hexPattern = /^(?:sha\d+:|md5:)?[0-9a-f]+$/i;
const tokenPattern = /^[A-Za-z0-9+/=_.:~-]+$/;

/** Bits per character of the value's own character distribution. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const share = count / value.length;
    bits -= share * Math.log2(share);
  }
  return bits;
}

function looksLikeStructure(value: string): boolean {
  if (uuidPattern.test(value)) return true;
  if (/^[/~.]/.test(value) || value.includes('://')) return true; // a path or a URL (URL credentials have their own rule)
  if (/^v?\d+(?:[._-]\d+)+/.test(value)) return true; // a version or a date
  return (value.match(/\//g) ?? []).length > 2 && /\/[a-z]{4,}/.test(value); // a path without a leading slash
}

/**
 * A long random token after a key-like word (APP_KEY=, "hmac", "signing key"): 16+ characters, letters and
 * digits, spread out. Hex counts here: after such a word a hex string is a key, not a commit.
 */
export function looksRandom(value: string): boolean {
  if (value.length < 16 || !tokenPattern.test(value) || looksLikeStructure(value)) return false;
  if (!/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  return shannonEntropy(value) >= 3.2;
}

/**
 * A value that is a secret whatever its name (CLAIM=..., an unknown env var): 24+ characters with upper
 * case, lower case and digits, and high entropy. Hex (hashes, digests, commit ids) and UUIDs never count.
 */
export function looksStronglyRandom(value: string): boolean {
  if (value.length < 24 || !tokenPattern.test(value) || looksLikeStructure(value) || hexPattern.test(value))
    return false;
  if (!/\d/.test(value) || !/[a-z]/.test(value) || !/[A-Z]/.test(value)) return false;
  return shannonEntropy(value) >= 3.8;
}
