import { createHash, randomBytes } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal arguments give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** sha256 (hex) of the canonical JSON of the exact arguments an approval covers. */
export function hashArguments(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

const base32Alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

/** 10 base32 characters (50 random bits): short enough for a Telegram button, not guessable. */
export function newApprovalId(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(10);
  let id = '';
  for (const byte of bytes) id += base32Alphabet[byte % 32];
  return id;
}
