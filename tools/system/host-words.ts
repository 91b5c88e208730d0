/**
 * The system questions asked about another host ("what is the load on the nas", "memory of tank", "how
 * much memory is the nas using"), answered instantly from that host's figures. {host} is the system
 * area's slot; its names come from the host registry (this machine's name and every configured host).
 * A short list of the common phrasings, not every figure template again: each pattern here also goes
 * into the offline recogniser's grammar once a host is configured, and a grammar twice the size made
 * pocketsphinx lose whole sentences.
 */
import type { Template } from '../../src/router/types.js';

/** "on the nas", "of tank", "for media-box". */
const onHost = '(on | of | for | at | in) [<det>] {host}';

const hostTemplates: readonly Template[] = [
  {
    intent: 'load',
    patterns: [
      `[what is] [<det>] [<loadkind>] load [average | averages] ${onHost}`,
      '[<det>] {host} load [average]',
      `how (high | heavy | bad) is [<det>] load ${onHost}`,
    ],
    spoken: ['[what is] the load on {host}', '{host} load'],
  },
  {
    intent: 'cpu',
    fixedSlots: { metric: 'cpu' },
    patterns: [
      `[what is] [<det>] <cpu> [<usage>] ${onHost}`,
      'how much <cpu> is [<det>] {host} using',
      'how (busy | loaded) is [<det>] {host}',
    ],
    spoken: ['[what is] the cpu on {host}', 'how busy is {host}'],
  },
  {
    intent: 'memory',
    fixedSlots: { metric: 'memory' },
    patterns: [
      `[what is] [<det>] [free | available | used] <memory> [<usage>] ${onHost}`,
      `how much [free] <memory> is (left | free | used) ${onHost}`,
      'how much <memory> is [<det>] {host} using',
      'how much [free] <memory> (has | does) [<det>] {host} (got | have) [left | free]',
      'is [<det>] {host} [running] (out of | low on | short on) <memory>',
    ],
    spoken: ['[what is] the memory on {host}', 'how much memory is {host} using'],
  },
  {
    intent: 'disk',
    patterns: [
      `[what is] [<det>] [free] <disk> [space | usage | use] ${onHost}`,
      `how full (is | are) [<det>] <disk> ${onHost}`,
      `how much [free] [disk] space is (left | free | used) ${onHost}`,
      'is [<det>] {host} [running] (out of | low on | short on) (disk | storage | space | disk space)',
    ],
    spoken: ['how full is the disk on {host}', '[what is the] disk space on {host}'],
  },
  {
    intent: 'uptime',
    patterns: [
      `[what is] [<det>] uptime ${onHost}`,
      '[<det>] {host} uptime',
      'how long (has | have) [<det>] {host} been (up | running | on | online)',
      'when did [<det>] {host} [last] (boot | start | reboot | restart | come up)',
    ],
    spoken: ['[what is the] uptime of {host}', 'how long has {host} been up'],
  },
  {
    intent: 'temperature',
    patterns: [
      `[what is] [<det>] [<cpu>] (temperature | temp) ${onHost}`,
      'how (hot | warm) is [<det>] {host} [running]',
    ],
  },
  {
    intent: 'top_cpu',
    fixedSlots: { metric: 'cpu' },
    patterns: [`(what | who) is <hog> [up] [all] [of] [<det> | so much | the most | most] <cpu> ${onHost}`],
  },
  {
    intent: 'top_memory',
    fixedSlots: { metric: 'memory' },
    patterns: [`(what | who) is <hog> [up] [all] [of] [<det> | so much | the most | most] <memory> ${onHost}`],
  },
];

/** The system templates, then the host questions (a name that is both a mount and a host is the mount there). */
export function withHostTemplates(templates: readonly Template[]): Template[] {
  return [...templates, ...hostTemplates];
}
