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
  {
    command: /\b(?:mysql\w*|mariadb(?:-\w+)?|mongo(?:sh|dump|restore|import|export)?)\b/,
    flag: /(\s-p)(\s*)(?!-)([^\s"']+|"[^"]*"|'[^']*')/g,
  },
  { command: /\bsshpass\b/, flag: /(\ssshpass\s+-p)(\s*)([^\s"']+|"[^"]*"|'[^']*')/g },
  {
    command: /\b(?:docker|podman|nerdctl|buildah|skopeo|helm registry|oras)\s+login\b/,
    flag: /(\s-p)(\s+)(?!-)([^\s"']+|"[^"]*"|'[^']*')/g,
  },
  { command: /\bredis-cli\b/, flag: /(\s-a)(\s+)(?!-)([^\s"']+|"[^"]*"|'[^']*')/g },
  { command: /\bldap\w+\b/, flag: /(\s-w)(\s+)(?!-)([^\s"']+|"[^"]*"|'[^']*')/g },
  { command: /(?:^|\s)(?:curl|wget|https?)\s/, flag: /(\s(?:-u|--user|-a|--auth)[\s=]+["']?[^\s:"']*:)()([^\s"'@]+)/g },
  { command: /\b(?:smbclient|rpcclient|mount\.cifs)\b/, flag: /(\s-U\s*["']?[^\s%"']+%)()([^\s"']+)/g },
  { command: /\bssh-keygen\b/, flag: /(\s-[NP])(\s+)(?!-)([^\s"']+|"[^"]*"|'[^']*')/g },
  { command: /\bhtpasswd\b/, flag: /(\s-b\w*\s+\S+\s+\S+\s+)()([^\s"']+)/g },
];

const commandWords =
  /mysql|mariadb|mongo|sshpass|login|redis-cli|ldap|curl|wget|http|smbclient|rpcclient|mount\.cifs|htpasswd|ssh-keygen/i;

/** Masks the password flags of the CLIs named on each line: `mysql -u root -pS3cret`, `sshpass -p pw ssh -p 2222 host`. */
export function redactCommandLines(text: string): string {
  if (!commandWords.test(text)) return text;
  return text
    .split('\n')
    .map((line) =>
      commandWords.test(line)
        ? line
            .split(/(?=[|;&])/)
            .map(redactCommandSegment)
            .join('')
        : line,
    )
    .join('\n');
}

function redactCommandSegment(segment: string): string {
  let result = ` ${segment}`;
  for (const { command, flag } of cliFlags) {
    if (!command.test(result)) continue;
    result = result.replace(flag, (match, before: string, space: string, value: string) =>
      isPlaceholderValue(value) ? match : `${before}${space}${redacted}`,
    );
  }
  return result.slice(1);
}

/** Token formats that are secrets wherever they appear, as pattern sources joined into one alternation. */
const vendorTokens = [
  String.raw`eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`, // JWT
  String.raw`(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}\b`, // AWS key ids
  String.raw`AIza[0-9A-Za-z_-]{35}\b`, // Google API key
  String.raw`ya29\.[0-9A-Za-z_-]{20,}`, // Google OAuth access token
  String.raw`GOCSPX-[0-9A-Za-z_-]{20,}`, // Google OAuth client secret
  String.raw`gh[pousr]_[A-Za-z0-9]{30,}`, // GitHub
  String.raw`github_pat_[A-Za-z0-9_]{20,}`,
  String.raw`glpat-[A-Za-z0-9_-]{20,}`, // GitLab
  String.raw`xox[abposre]-[A-Za-z0-9-]{10,}`, // Slack
  String.raw`xapp-\d-[A-Za-z0-9-]{20,}`,
  String.raw`(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}`, // Stripe
  String.raw`whsec_[A-Za-z0-9+/=]{20,}`,
  String.raw`sk-[A-Za-z0-9_-]{20,}`, // OpenAI, Anthropic
  String.raw`npm_[A-Za-z0-9]{36}\b`,
  String.raw`hf_[A-Za-z0-9]{30,}\b`, // Hugging Face
  String.raw`SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}`, // SendGrid
  String.raw`[MN][A-Za-z0-9]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,}`, // Discord bot token
  String.raw`AGE-SECRET-KEY-1[0-9A-Z]{50,}`, // age
];

export const rules: Rule[] = [
  // PEM private keys of every kind (RSA, EC, DSA, OPENSSH, ENCRYPTED, plain PKCS#8) and PGP private key blocks,
  // also when the text is JSON with literal \n; an unterminated block is cut to the end.
  {
    pattern:
      /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    replace: (_match, kind) => `-----BEGIN ${kind}-----${redacted}-----END ${kind}-----`,
  },
  // ~/.pgpass: host:port:database:user:password
  { pattern: /^([^\s:]+:(?:\d+|\*):[^\s:]+:[^\s:]+:)(\S+)$/gm, replace: (_m, fields) => `${fields}${redacted}` },
  // scheme://user:password@host, scheme://:password@host (redis)
  {
    pattern: /\b([a-z][a-z0-9+.-]{0,30}:\/\/)([^\s:@/"']*):([^\s@/"']+)@/gi,
    replace: (_m, scheme, user) => `${scheme}${user}:${redacted}@`,
  },
  // Authorization / Cookie / API key headers: the whole value.
  {
    pattern:
      /\b((?:proxy-)?authorization|set-cookie|cookie|x-api-key|x-auth-token|x-vault-token|private-token|api-key)(["']?\s*:\s*["']?)([^\r\n"'\\]+)/gi,
    replace: (_m, name, separator) => `${name}${separator}${redacted}`,
  },
  {
    pattern: /\b(bearer|basic|token)\s+([A-Za-z0-9._~+/-]{12,}=*)(?![\w=])/gi,
    replace: (match, word, value) => (/\d/.test(value) ? `${word} ${redacted}` : match),
  },
  // A secret flag with its value after a space: --password VALUE, --api-key VALUE, -token VALUE.
  {
    pattern: /(^|[\s"'`(])(--?[A-Za-z][A-Za-z0-9_-]{2,})(\s+)("[^"]*"|'[^']*'|(?!-)[^\s"'`;|&)]+)/gm,
    replace: (match, before, flag, space, value) =>
      isSecretKey(flag.replace(/^-+/, '')) ? `${before}${flag}${space}${keep(value)}` : match,
  },
  // Telegram bot token; JWT, cloud and vendor key formats (one pattern: it runs on every log line).
  { pattern: /(?<!\d)\d{6,12}:[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g, replace: () => redacted },
  { pattern: new RegExp(`\\b(?:${vendorTokens.join('|')})`, 'g'), replace: () => redacted },
  { pattern: /\bhooks\.slack\.com\/services\/[A-Za-z0-9/]+/g, replace: () => `hooks.slack.com/services/${redacted}` },
  {
    pattern: /\b(discord(?:app)?\.com\/api\/webhooks\/\d+\/)[A-Za-z0-9_-]+/g,
    replace: (_m, prefix) => `${prefix}${redacted}`,
  },
];
