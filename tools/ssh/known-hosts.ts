/**
 * Reads a known_hosts file for one host: plain and hashed (|1|salt|hash) host patterns, with a port
 * ("[nas]:2222"). @revoked and @cert-authority lines are skipped (a CA is not a pinned key), and so are
 * negated and wildcard patterns: a pin must name the host exactly.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The key blobs a known_hosts text holds for address:port. */
export function knownHostKeys(text: string, address: string, port: number): Buffer[] {
  const names = port === 22 ? [address, `[${address}]:22`] : [`[${address}]:${port}`];
  const keys: Buffer[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('@')) continue;
    const [patterns, , blob] = line.split(/\s+/);
    if (!patterns || !blob) continue;
    if (!patterns.split(',').some((pattern) => names.some((name) => patternNames(pattern, name)))) continue;
    const decoded = Buffer.from(blob, 'base64');
    if (decoded.length > 0) keys.push(decoded);
  }
  return keys;
}

function patternNames(pattern: string, name: string): boolean {
  if (pattern.startsWith('|1|')) {
    const [, , salt, hash] = pattern.split('|');
    if (!salt || !hash) return false;
    const digest = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
    return digest === hash;
  }
  return pattern.toLowerCase() === name.toLowerCase();
}

/** Reads the file; a missing or unreadable one holds no keys (the connection is then refused as unknown). */
export function readKnownHostKeys(path: string, address: string, port: number): Buffer[] {
  try {
    return knownHostKeys(readFileSync(path, 'utf8'), address, port);
  } catch {
    return [];
  }
}
