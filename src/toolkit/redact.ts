/**
 * Secret redaction for everything that leaves a tool: output for the model, replies, logs, audit.
 * Key names are kept ("DB_PASSWORD=[REDACTED]") so a reader still sees what was there; ordinary
 * settings (PATH=, LANG=, HOME=) stay readable unless their value is a random token.
 */
import { looksRandom, looksStronglyRandom } from './entropy.js';
import { isKeyLikeKey, isPasswordKey, isPlaceholderValue, isSecretKey } from './secret-key.js';
import { redactCommandLines, redacted, rules } from './secret-patterns.js';

export { isSecretKey } from './secret-key.js';

// key = value, key: value, "key": "value", --key=value; value quoted or up to a separator. A key starts
// only where a word or a --flag starts (the lookbehind), so a 100 KB word is scanned once, not once per character.
const pairPattern =
  /(["']?)(?<![A-Za-z0-9_.]|[A-Za-z0-9_.]-)([A-Za-z_][A-Za-z0-9_.-]*)\1(\s*(?:=>|[:=])\s*)("(?:[^"\\]|\\.)*"|'[^']*'|\$\{\w+\}|[^\s,;&"'{}[\]<>]+)/g;
// "password: correct horse battery staple", "my password is hunter2": a password given in words, up to the end of the line.
const passphrasePattern =
  /\b(pass(?:word|wd|phrase|code)?|pwd|pw|creds?|credentials?)(\s*:\s*|\s+(?:is|was)(?:\s*:)?\s+)([^\s"'\\,;&<>[\]=]+(?:[ \t]+[^\s"'\\,;&{}<>[\]=:]+){0,5})(?=[ \t]*(?:$|["'\\\r,;]))/gim;
// "the api key is X", "token was X", "creds: X".
const plainEnglishPattern =
  /\b(api[ _-]?key|access[ _-]?key|secret(?:[ _-]?key)?|token|credentials?|creds|key)(\s+(?:is|was|=)\s+|\s*:\s+)("[^"]+"|'[^']+'|[^\s"'\\,;]+)/gi;
// A long random blob shortly after a key-like word ("signing key 3f9a...", "hmac secret: ...").
const genericPattern =
  /\b(keys?|tokens?|secrets?|password|passwd|pass|pwd|creds?|credentials?|signature|hmac|salt|apikey|auth)\b([^\n]{0,24}?)([A-Za-z0-9+/_=.-]{16,})/gi;

/** Masks secrets in free text, keeping ordinary text (percentages, names, paths, log lines) intact. */
export function redactSecrets(text: string): string {
  let result = text;
  for (const rule of rules)
    result = result.replace(rule.pattern, rule.replace as (substring: string, ...args: unknown[]) => string);
  result = redactCommandLines(result);
  result = result.replace(passphrasePattern, (match, word: string, separator: string, value: string) =>
    isPlaceholderValue(value.split(/\s/)[0]!) ? match : `${word}${separator}${redacted}`,
  );
  result = redactPairs(result);
  result = result.replace(plainEnglishPattern, (match, word: string, separator: string, value: string) => {
    if (isPlaceholderValue(value)) return match;
    const vague = /^key$/i.test(word) || separator.includes(':');
    return vague && !looksRandom(value.replace(/^["']|["']$/g, '')) ? match : `${word}${separator}${redacted}`;
  });
  return result.replace(genericPattern, (match, word: string, between: string, blob: string) =>
    looksRandom(blob) || looksStronglyRandom(blob) ? `${word}${between}${redacted}` : match,
  );
}

/** Pairs inside pairs ("a:b:c=d") are followed this deep; deeper text is masked if it names a secret at all. */
const maxPairDepth = 12;

function redactPairs(text: string, depth = 0): string {
  if (depth > maxPairDepth) return /pass|pw|secret|token|key|auth|cred|cookie|session/i.test(text) ? redacted : text;
  return text.replace(pairPattern, (match, quote: string, key: string, separator: string, value: string) => {
    const prefix = `${quote}${key}${quote}${separator}`;
    const quoted = /^["']/.test(value);
    const inner = quoted ? value.slice(1, -1) : value;
    if (isSecretValue(key, inner)) {
      if (inner.startsWith('[REDACTED') || isPlaceholderValue(inner)) return match;
      if (quoted) return `${prefix}${value[0]}${redacted}${value[0]}`;
      return quote === '"' ? `${prefix}"${redacted}"` : `${prefix}${redacted}`; // keep JSON valid ("pin": 1234)
    }
    // "crashed on: password=x": the harmless pair must not swallow a secret pair inside its value.
    if (!quoted) return prefix + redactPairs(value, depth + 1);
    return `${prefix}${value[0]}${redactPairs(inner, depth + 1)}${value[0]}`;
  });
}

/** A secret key's value (a short number only for a password or PIN), a random value after a key-like name, or any long random token. */
function isSecretValue(key: string, value: string): boolean {
  if (/^(?:sha\d+|md5)$/i.test(key)) return false; // fingerprints: SHA256:abc...
  if (isSecretKey(key)) return !/^\d{1,7}$/.test(value) || isPasswordKey(key);
  if (isKeyLikeKey(key) && looksRandom(value)) return true;
  return looksStronglyRandom(value);
}

/**
 * Redacts every string inside a value and masks values under secret-looking keys (token, password,
 * api_key, cookie, session ...). Returns a copy; plain objects and arrays are walked, other objects kept.
 */
export function redactDeep<T>(value: T): T {
  return walk(value, new WeakMap()) as T;
}

function walk(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value) && value.length > 1 && value.every((item) => typeof item === 'string')) {
    // Lines of one text (log lines): a private key block spans several of them, so redact them together.
    const joined = value.join('\n');
    const masked = redactSecrets(joined);
    const copy = masked === joined ? [...value] : masked.split('\n');
    seen.set(value, copy);
    return copy;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(walk(item, seen));
    return copy;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) {
    const secret =
      isSecretKey(key) &&
      item !== null &&
      item !== undefined &&
      item !== '' &&
      (typeof item !== 'number' || isPasswordKey(key));
    copy[key] = secret ? redacted : walk(item, seen);
  }
  return copy;
}
