/**
 * Secrets recognised by their shape, whatever surrounds them: private key blocks, URL credentials,
 * auth headers, command lines of CLIs that take a password after a flag, and vendors' token formats.
 */
import { isPlaceholderValue, isSecretKey } from './secret-key.js';

export const redacted = '[REDACTED]';

export interface Rule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const keep = (value: string) => (isPlaceholderValue(value) ? value : redacted);

/** The password-taking flags of common CLIs, each only in its own command so `ssh -p 2222` keeps its port. */
const cliFlags: { command: RegExp; flag: RegExp }[] = [
  { command: /\b(?:mysql\w*|mariadb(?:-\w+)?|mongo(?:sh|dump|restore|import|export)?)\b/, flag: /(\s-p)(\s*)(?!-)([^\s"']+|"[^"]*"|'[^']*')/g },
  { command: /\bsshpass\b/, flag: /(\ssshpass\s+-p)(\s*)([^\s"']+|"[^"]*"|'[^']*')/g },
  { command: /\b(?:docker|podman|nerdctl|buildah|skopeo|helm registry|oras)\s+login\b/, flag: /(\s-p)(\s+)(?!-)([^\s"']+|"[^"]*"|'[^']*')/g },
  { command: /\bredis-cli\b/, flag: /(\s-a)(\s+)(?!-)([^\s"']+|"[^"]*"|'[^']*')/g },
  { command: /\bldap\w+\b/, flag: /(\s-w)(\s+)(?!-)([^\s"']+|"[^"]*"|'[^']*')/g },
  { command: /(?:^|\s)(?:curl|wget|https?)\s/, flag: /(\s(?:-u|--user|-a|--auth)[\s=]+["']?[^\s:"']*:)()([^\s"'@]+)/g },
  { command: /\b(?:smbclient|rpcclient|mount\.cifs)\b/, flag: /(\s-U\s*["']?[^\s%"']+%)()([^\s"']+)/g },
  { command: /\bhtpasswd\b/, flag: /(\s-b\w*\s+\S+\s+\S+\s+)()([^\s"']+)/g },
];

const commandWords = /mysql|mariadb|mongo|sshpass|login|redis-cli|ldap|curl|wget|http|smbclient|rpcclient|mount\.cifs|htpasswd/i;

/** Masks the password flags of the CLIs named on each line: `mysql -u root -pS3cret`, `sshpass -p pw ssh -p 2222 host`. */
export function redactCommandLines(text: string): string {
  if (!commandWords.test(text)) return text;
  return text.split('\n').map((line) => (commandWords.test(line) ? line.split(/(?=[|;&])/).map(redactCommandSegment).join('') : line)).join('\n');
}

function redactCommandSegment(segment: string): string {
  let result = ` ${segment}`;
  for (const { command, flag } of cliFlags) {
    if (!command.test(result)) continue;
    result = result.replace(flag, (match, before: string, space: string, value: string) => (isPlaceholderValue(value) ? match : `${before}${space}${redacted}`));
  }
  return result.slice(1);
}

export const rules: Rule[] = [
  // PEM private keys of every kind (RSA, EC, DSA, OPENSSH, ENCRYPTED, plain PKCS#8) and PGP private key blocks,
  // also when the text is JSON with literal \n; an unterminated block is cut to the end.
  {
    pattern: /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    replace: (_match, kind) => `-----BEGIN ${kind}-----${redacted}-----END ${kind}-----`,
  },
  { pattern: /\bAGE-SECRET-KEY-1[0-9A-Z]{50,}/g, replace: () => redacted },
  // scheme://user:password@host, scheme://:password@host (redis)
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/"']*):([^\s@/"']+)@/gi, replace: (_m, scheme, user) => `${scheme}${user}:${redacted}@` },
  // Authorization / Cookie / API key headers: the whole value.
  {
    pattern: /\b((?:proxy-)?authorization|set-cookie|cookie|x-api-key|x-auth-token|x-vault-token|private-token|api-key)(["']?\s*:\s*["']?)([^\r\n"'\\]+)/gi,
    replace: (_m, name, separator) => `${name}${separator}${redacted}`,
  },
  { pattern: /\b(bearer|basic|token)\s+([A-Za-z0-9._~+/=-]{12,})/gi, replace: (match, word, value) => (/\d/.test(value) ? `${word} ${redacted}` : match) },
  // A secret flag with its value after a space: --password VALUE, --api-key VALUE, -token VALUE.
  {
    pattern: /(^|[\s"'`(])(--?[A-Za-z][A-Za-z0-9_-]{2,})(\s+)("[^"]*"|'[^']*'|(?!-)[^\s"'`;|&)]+)/gm,
    replace: (match, before, flag, space, value) => (isSecretKey(flag.replace(/^-+/, '')) ? `${before}${flag}${space}${keep(value)}` : match),
  },
  // JWT, Telegram bot token, cloud and vendor key formats.
  { pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replace: () => redacted },
  { pattern: /(?<!\d)\d{6,12}:[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g, replace: () => redacted },
  { pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}\b/g, replace: () => redacted },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, replace: () => redacted },
  { pattern: /\bya29\.[0-9A-Za-z_-]{20,}/g, replace: () => redacted },
  { pattern: /\bGOCSPX-[0-9A-Za-z_-]{20,}/g, replace: () => redacted },
  { pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})/g, replace: () => redacted },
  { pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g, replace: () => redacted },
  { pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}/g, replace: () => redacted },
  { pattern: /\bxapp-\d-[A-Za-z0-9-]{20,}/g, replace: () => redacted },
  { pattern: /\bhooks\.slack\.com\/services\/[A-Za-z0-9/]+/g, replace: () => `hooks.slack.com/services/${redacted}` },
  { pattern: /\b(discord(?:app)?\.com\/api\/webhooks\/\d+\/)[A-Za-z0-9_-]+/g, replace: (_m, prefix) => `${prefix}${redacted}` },
  { pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g, replace: () => redacted },
  { pattern: /\bwhsec_[A-Za-z0-9+/=]{20,}/g, replace: () => redacted },
  { pattern: /\bsk-[A-Za-z0-9_-]{20,}/g, replace: () => redacted },
  { pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, replace: () => redacted },
  { pattern: /\bhf_[A-Za-z0-9]{30,}\b/g, replace: () => redacted },
  { pattern: /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g, replace: () => redacted },
  { pattern: /\b[MN][A-Za-z0-9]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,}/g, replace: () => redacted },
];
