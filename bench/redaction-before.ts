/**
 * The redaction rules as they were before the hardening of issue 8, kept only so bench/redaction.ts can
 * compare speed and corpus results in one run. Nothing in src/ imports this.
 */
const redacted = '[REDACTED]';

const secretSegments = new Set([
  'token',
  'tokens',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'secrets',
  'apikey',
  'auth',
  'oauth',
  'authorization',
  'credential',
  'credentials',
  'cookie',
  'cookies',
  'session',
  'jwt',
  'bearer',
  'privatekey',
  'accesskey',
  'secretkey',
]);
const secretPairs = [
  'api key',
  'access key',
  'private key',
  'secret key',
  'client secret',
  'session id',
  'signing key',
];
const secretSubstrings = ['password', 'passwd', 'secret', 'token', 'apikey', 'accesskey', 'privatekey', 'credential'];

/** True for keys such as DB_PASSWORD, apiKey, x-auth-token, session, private_key (not "author" or "authelia"). */
function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.some((word) => secretSegments.has(word))) return true;
  const spaced = ` ${words.join(' ')} `;
  if (secretPairs.some((pair) => spaced.includes(` ${pair} `))) return true;
  const compact = words.join('');
  return secretSubstrings.some((part) => compact.includes(part));
}

interface Rule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const rules: Rule[] = [
  // PEM private key blocks (also when the text is JSON with literal \n); an unterminated block is cut to the end.
  {
    pattern: /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
    replace: (_match, kind) => `-----BEGIN ${kind}PRIVATE KEY-----${redacted}-----END ${kind}PRIVATE KEY-----`,
  },
  // scheme://user:password@host
  {
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/"']+):([^\s@/"']+)@/gi,
    replace: (_m, scheme, user) => `${scheme}${user}:${redacted}@`,
  },
  // Authorization / Cookie headers: the whole value.
  {
    pattern: /\b((?:proxy-)?authorization|set-cookie|cookie|x-api-key|x-auth-token)(["']?\s*:\s*["']?)([^\r\n"'\\]+)/gi,
    replace: (_m, name, separator) => `${name}${separator}${redacted}`,
  },
  {
    pattern: /\b(bearer|basic|token)\s+([A-Za-z0-9._~+/=-]{12,})/gi,
    replace: (match, word, value) => (/\d/.test(value) ? `${word} ${redacted}` : match),
  },
  // JWT, Telegram bot token, AWS key id, GitHub, Slack, OpenAI-style keys.
  { pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replace: () => redacted },
  { pattern: /(?<!\d)\d{6,12}:[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g, replace: () => redacted },
  { pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: () => redacted },
  { pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})/g, replace: () => redacted },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, replace: () => redacted },
  { pattern: /\bsk-[A-Za-z0-9_-]{20,}/g, replace: () => redacted },
];

// key = value, key: value, "key": "value", --key=value; value quoted or up to a separator.
const pairPattern =
  /(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\1(\s*(?:=>|[:=])\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&"'{}[\]<>]+)/g;
// A 32+ character hex/base64 blob shortly after a secret-looking word ("api key is 3f9a...").
const genericPattern =
  /\b(key|token|secret|password|passwd|credential|signature)\b([^\n]{0,24}?)([A-Za-z0-9+/_=-]{32,})/gi;

/** Masks secrets in free text, keeping ordinary text (percentages, names, log lines) intact. */
export function redactSecretsBefore(text: string): string {
  let result = text;
  for (const rule of rules)
    result = result.replace(rule.pattern, rule.replace as (substring: string, ...args: unknown[]) => string);
  result = redactPairs(result);
  return result.replace(genericPattern, (match, word: string, between: string, blob: string) =>
    /\d/.test(blob) && /[A-Za-z]/.test(blob) ? `${word}${between}${redacted}` : match,
  );
}

function redactPairs(text: string): string {
  return text.replace(
    pairPattern,
    (match, quote: string, key: string, separator: string, value: string, offset: number, whole: string) => {
      const prefix = `${quote}${key}${quote}${separator}`;
      if (value.startsWith('[REDACTED')) return match;
      const quoted = /^["']/.test(value);
      if (isSecretKey(key) || isEnvAssignment(key, separator, whole, offset, quote)) {
        if (quoted) return `${prefix}${value[0]}${redacted}${value[0]}`;
        return quote === '"' ? `${prefix}"${redacted}"` : `${prefix}${redacted}`; // keep JSON valid ("pin": 1234)
      }
      // "crashed on: password=x": the harmless pair must not swallow a secret pair inside its value.
      if (!quoted) return prefix + redactPairs(value);
      return `${prefix}${value[0]}${redactPairs(value.slice(1, -1))}${value[0]}`;
    },
  );
}

/** UPPER_CASE=value at the start of a line or of a quoted string (container env, .env files, `export X=`). */
function isEnvAssignment(key: string, separator: string, whole: string, offset: number, quote: string): boolean {
  if (quote !== '' || separator.trim() !== '=' || !/^[A-Z][A-Z0-9_]+$/.test(key)) return false;
  const lineStart = whole.lastIndexOf('\n', offset - 1) + 1;
  const before = whole.slice(lineStart, offset);
  return /^\s*(?:export\s+)?$/.test(before) || /(?:^|[[,\s])"$/.test(before) || /\\n$/.test(before);
}
