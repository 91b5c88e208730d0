/**
 * Which key names hold secrets ("DB_PASSWORD", "apiKey", "x-auth-token", "pass", "creds") and which
 * values are only placeholders ("${DB_PASSWORD}", "****", "YES"). Shared by redaction and config masking.
 */
const secretSegments = new Set([
  'token',
  'tokens',
  'password',
  'passwords',
  'passwd',
  'pwd',
  'pw',
  'pass',
  'passphrase',
  'passcode',
  'secret',
  'secrets',
  'apikey',
  'apikeys',
  'auth',
  'oauth',
  'authorization',
  'credential',
  'credentials',
  'cred',
  'creds',
  'cookie',
  'cookies',
  'session',
  'jwt',
  'bearer',
  'privatekey',
  'accesskey',
  'secretkey',
  'dsn',
  'sig',
  'signature',
  'psk',
]);
const secretPairs = [
  'api key',
  'access key',
  'private key',
  'secret key',
  'client secret',
  'session id',
  'signing key',
  'account key',
  'master key',
  'encryption key',
  'shared key',
  'app key',
  'auth key',
  'deploy key',
  'license key',
];
const secretSubstrings = [
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'accesskey',
  'privatekey',
  'credential',
  'accountkey',
];
/** A key ending in one of these describes a secret without holding it: token_type, password_file, SSH_AUTH_SOCK. */
const describingWords = new Set([
  'count',
  'counts',
  'total',
  'max',
  'min',
  'num',
  'number',
  'limit',
  'length',
  'len',
  'size',
  'ttl',
  'type',
  'file',
  'files',
  'path',
  'dir',
  'url',
  'uri',
  'endpoint',
  'expiry',
  'expires',
  'expiration',
  'timeout',
  'policy',
  'header',
  'name',
  'field',
  'env',
  'sock',
  'socket',
  'method',
  'mode',
  'provider',
  'enabled',
  'required',
  'stdin',
  'prompt',
  'version',
  'hint',
]);
/** Words that, before a secret word, turn a flag into a yes/no switch: --ask-pass, --no-password. */
const switchWords = new Set(['ask', 'no', 'prompt', 'stdin']);
const passwordWords = new Set([
  'password',
  'passwords',
  'passwd',
  'pwd',
  'pw',
  'pass',
  'passphrase',
  'passcode',
  'pin',
  'secret',
]);
/** Words after which a long random value is a key even when the name is vague: APP_KEY, PLEX_CLAIM, hmac. */
const keyLikeWords = new Set([
  'key',
  'keys',
  'api',
  'access',
  'private',
  'signing',
  'salt',
  'seed',
  'hmac',
  'license',
  'claim',
  'webhook',
  'nonce',
  'otp',
  'totp',
  'mfa',
]);
/** Environment variables whose names look secret but whose values are not: the shell's working directory. */
const knownInnocentKeys = new Set(['PWD', 'OLDPWD']);

// Log lines repeat the same few keys: remember the answers (bounded, so hostile input cannot grow them).
const secretKeyCache = new Map<string, boolean>();
const keyLikeCache = new Map<string, boolean>();
function remembered(cache: Map<string, boolean>, key: string, decide: (key: string) => boolean): boolean {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const answer = decide(key);
  if (cache.size >= 2000) cache.clear();
  cache.set(key, answer);
  return answer;
}

export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True for keys such as DB_PASSWORD, apiKey, x-auth-token, session, private_key, DB_PASS (not "author", "bypass" or PWD). */
export function isSecretKey(key: string): boolean {
  return remembered(secretKeyCache, key, decideSecretKey);
}

function decideSecretKey(key: string): boolean {
  if (knownInnocentKeys.has(key)) return false;
  const words = keyWords(key);
  if (words.length === 0 || describingWords.has(words[words.length - 1]!)) return false;
  if (words.some((word) => switchWords.has(word))) return false;
  if (words.some((word) => secretSegments.has(word))) return true;
  const spaced = ` ${words.join(' ')} `;
  if (secretPairs.some((pair) => spaced.includes(` ${pair} `))) return true;
  const compact = words.join('');
  return secretSubstrings.some((part) => compact.includes(part));
}

/** Keys for a password or PIN, where even a short number is a secret (a key "prompt_tokens=128" is a count). */
export function isPasswordKey(key: string): boolean {
  return keyWords(key).some((word) => passwordWords.has(word) || word.endsWith('password'));
}

/** Keys that are not clearly secret but after which a long random value is one (APP_KEY, hmac, PLEX_CLAIM). */
export function isKeyLikeKey(key: string): boolean {
  return remembered(keyLikeCache, key, decideKeyLike);
}

function decideKeyLike(key: string): boolean {
  if (knownInnocentKeys.has(key)) return false;
  const words = keyWords(key);
  if (words.length === 0 || describingWords.has(words[words.length - 1]!)) return false;
  return words.some((word) => keyLikeWords.has(word) || word.endsWith('key'));
}

const placeholderWords = new Set([
  'yes',
  'no',
  'true',
  'false',
  'null',
  'none',
  'nil',
  'undefined',
  'required',
  'optional',
  'empty',
  'unset',
  'set',
  'hidden',
  'masked',
  'redacted',
  'password',
  'passwords',
  'changed',
  'updated',
  'incorrect',
  'wrong',
  'invalid',
  'missing',
  'expired',
  'valid',
  'stored',
  'saved',
  'needed',
  'not',
  'too',
  'now',
  'the',
  'a',
  'an',
  'about',
  'being',
  'been',
  'in',
  'on',
  'at',
  'for',
  'from',
  'to',
  'of',
  'with',
  'still',
  'also',
  'only',
  'already',
  'same',
  'different',
  'protected',
  'encrypted',
  'reset',
  'blank',
  'weak',
  'strong',
  'ok',
  'okay',
  'fine',
  'used',
  'rotated',
  'managed',
  'authentication',
  'accepted',
  'refused',
  'denied',
  'failed',
  'ignored',
  'disabled',
  'enabled',
  'off',
]);

/** A value that is not a secret itself: a yes/no, a word of a sentence, a ${VARIABLE} reference, a mask. */
export function isPlaceholderValue(value: string): boolean {
  const bare = value.replace(/^["'(]+|["'),.;:!?]+$/g, '');
  if (bare === '' || placeholderWords.has(bare.toLowerCase())) return true;
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(bare) || /^%[A-Za-z_]+%$/.test(bare)) return true;
  return /^(?:\*+|x{3,}|\[REDACTED\]?|<[^>]*>|\.\.\.)$/i.test(bare);
}
