/**
 * What the core's slots accept, and what every area's resolvers share. The core owns only the free-text
 * slots: {fact} (what to remember or forget) and {query} (the rest of a yes or no). Names (containers,
 * mounts, hosts) are resolved by the area that owns the slot (tools/<area>/).
 */

/** Words that never name one thing on their own: a slot for a name refuses a phrase made of them. */
export const stopWords: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'my', 'your', 'our', 'all', 'every', 'everything', 'anything', 'something', 'nothing',
  'it', 'that', 'this', 'these', 'those', 'them', 'they', 'why', 'what', 'how', 'when', 'where', 'who',
  'which', 'and', 'or', 'then', 'but', 'if', 'is', 'are', 'was', 'be', 'server', 'system', 'machine',
  'computer', 'docker', 'container', 'containers', 'services', 'me', 'you', 'i', 'to', 'of', 'for', 'with',
  'on', 'in', 'at', 'over', 'again', 'up', 'down', 'off', 'now', 'later', 'tomorrow', 'yesterday', 'broken',
  'one', 'thing', 'things', 'stuff', 'there', 'here', 'not', 'no', 'yes', 'so', 'too', 'very', 'about',
  'cpu', 'processor', 'memory', 'ram', 'swap', 'disk', 'disks', 'storage', 'space', 'load', 'uptime',
  'temperature', 'temp', 'logs', 'log', 'status', 'health', 'network', 'internet', 'wifi', 'help', 'error',
  'errors', 'kernel', 'recent', 'latest', 'last', 'new', 'old', 'any', 'some', 'every', 'please', 'again',
  'diagnostics', 'test', 'tests', 'update', 'updates', 'backup', 'backups', 'script', 'scripts', 'job',
  'jobs', 'process', 'processes', 'program', 'programs', 'host', 'hosts', 'box', 'homelab',
]);

const questionWords = new Set(['why', 'how', 'what', 'when', 'where', 'who', 'which']);

/** Lowercase with every separator removed: the form two names are compared in. */
export function squashName(name: string): string {
  return name.toLowerCase().replace(/[\s\-_.]+/g, '');
}

/** Free text (facts, the rest of a confirmation): any words, but never a question or a reminder. */
export function resolveFreeText(words: readonly string[], kind: 'fact' | 'query'): string | null {
  const first = words[0];
  if (kind === 'query' && (words.some((word) => questionWords.has(word)) || ['but', 'and', 'also'].includes(first ?? ''))) return null;
  if (first === undefined || ['to', 'why', 'how', 'when', 'what', 'where', 'who', 'if', 'about'].includes(first)) return null;
  if (words.length === 1 && stopWords.has(first)) return null;
  return words.join(' ');
}
