/**
 * The system questions asked about another host: every figure template again with the host named
 * ("what is the load on the nas", "memory of tank", "how much memory is the nas using"), so they are
 * answered instantly from that host's figures. {host} is the system area's slot; the names come from
 * the host registry (this machine's name and every configured host).
 */
import type { Template } from '../../src/router/types.js';

/** The intents whose every pattern may end with "on the nas". */
const figureIntents = new Set(['cpu', 'memory', 'disk', 'uptime', 'load', 'temperature', 'top_cpu', 'top_memory']);

/** "on the nas", "of tank", "for media-box", "at nas". */
const onHost = '(on | of | for | at | in) [<det>] {host}';

/** Questions that name the host as the subject. */
const hostSubjectTemplates: readonly Template[] = [
  {
    intent: 'memory',
    fixedSlots: { metric: 'memory' },
    patterns: [
      'how much <memory> is [<det>] {host} using',
      'how much [free] <memory> (has | does) [<det>] {host} (got | have) [left | free]',
      'is [<det>] {host} [running] (out of | low on | short on) <memory>',
    ],
  },
  {
    intent: 'cpu',
    fixedSlots: { metric: 'cpu' },
    patterns: ['how much <cpu> is [<det>] {host} using', 'how (busy | loaded) is [<det>] {host}'],
  },
  {
    intent: 'disk',
    patterns: ['is [<det>] {host} [running] (out of | low on | short on) (disk | storage | space | disk space)'],
  },
  {
    intent: 'uptime',
    patterns: [
      'how long (has | have) [<det>] {host} been (up | running | on | online)',
      'when did [<det>] {host} [last] (boot | start | reboot | restart | come up)',
      '[<det>] {host} uptime',
    ],
  },
  {
    intent: 'load',
    patterns: ['[<det>] {host} load [average]', 'how (high | heavy | bad) is [<det>] load on [<det>] {host}'],
  },
];

/**
 * Each figure template once more with the host named at the end, placed after the originals (a name that is both a mount and a host is the mount there); patterns
 * that already name a host or a mount keep to themselves ("disk space on {mount}" stays a mount question).
 */
export function withHostTemplates(templates: readonly Template[]): Template[] {
  const onHostTemplates = templates.flatMap((template): Template[] => {
    if (!figureIntents.has(template.intent)) return [];
    const patterns = template.patterns
      .filter(
        (pattern) => !pattern.includes('{host}') && !pattern.includes('<onserver>') && !pattern.includes('{mount}'),
      )
      .map((pattern) => `${pattern} ${onHost}`);
    const onServer = template.patterns
      .filter((pattern) => pattern.includes('[<onserver>]'))
      .map((pattern) => pattern.replace('[<onserver>]', onHost));
    const all = [...onServer, ...patterns];
    return all.length === 0 ? [] : [{ intent: template.intent, fixedSlots: template.fixedSlots, patterns: all }];
  });
  return [...templates, ...hostSubjectTemplates, ...onHostTemplates];
}
