/**
 * Loose container-name matching for spoken and typed names: "plex" finds "plex-server",
 * "home assistant" finds "homeassistant" or "home-assistant". Pure: no Docker, no I/O.
 */
export type NameMatch = { name: string } | { ambiguous: string[] } | { none: true };

type Tier = (query: string, name: string) => boolean;

const separators = /[\s\-_.]+/g;

function tokensOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(separators)
    .filter((token) => token.length > 0);
}

function compact(text: string): string {
  return tokensOf(text).join('');
}

/** Tiers from strongest to weakest; the first tier with any match decides. */
const tiers: Tier[] = [
  (query, name) => query === name,
  (query, name) => query.toLowerCase() === name.toLowerCase(),
  (query, name) => compact(query) === compact(name),
  (query, name) => compact(name).startsWith(compact(query)),
  (query, name) => tokensMatchInOrder(tokensOf(query), tokensOf(name)),
  (query, name) => compact(query).length >= 3 && compact(name).includes(compact(query)),
];

/** Every query token is the prefix of a distinct name token, in order ("server plex" does not count). */
function tokensMatchInOrder(queryTokens: string[], nameTokens: string[]): boolean {
  if (queryTokens.length === 0) return false;
  let position = 0;
  for (const token of queryTokens) {
    while (position < nameTokens.length && !nameTokens[position]!.startsWith(token)) position += 1;
    if (position >= nameTokens.length) return false;
    position += 1;
  }
  return true;
}

export function matchContainerName(query: string, names: readonly string[]): NameMatch {
  const trimmed = query.trim();
  if (compact(trimmed).length === 0) return { none: true };
  for (const tier of tiers) {
    const found = [...new Set(names.filter((name) => tier(trimmed, name)))];
    if (found.length === 1) return { name: found[0]! };
    if (found.length > 1) return { ambiguous: found.sort() };
  }
  return { none: true };
}
