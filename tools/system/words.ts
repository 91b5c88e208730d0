/**
 * The system area's words: its synonym classes and templates (this machine's figures and the overall
 * status), tried in this order after the core's and the areas registered before it. Syntax:
 * src/router/template-syntax.md. <det> and <server> are the core's.
 */
import type { Template } from '../../src/router/types.js';

export const systemWordClasses: Readonly<Record<string, string>> = {
  cpu: 'cpu | cpus | processor | processors',
  memory: 'memory | ram',
  usage: 'usage | use | utilisation | utilization | load | level | percentage | percent',
  disk: 'disk | disks | storage | drive | drives | filesystem | filesystems | file system | file systems',
  fs: 'filesystem | file system | partition | drive | disk | volume | mount | pool | share',
  fine: 'ok | okay | alright | all right | fine | good | working | running | healthy | normal | green | up | alive',
};

export const systemTemplates: readonly Template[] = [
  {
    intent: 'status',
    patterns: [
      'how is {host} [doing]',
      '[what is the] status of {host}',
      'is {host} (up | online | ok | okay | alive | running)',
      '{host} status',
    ],
  },
  {
    intent: 'status',
    patterns: [
      '[<det>] [overall | server | system | full] status [report | update | check]',
      'what is [<det>] [overall] status [of (<det> <server> | everything)]',
      'how is [<det>] <server> [doing | looking]',
      'how (is | are) (everything | things | we) [doing | looking]',
      '(is | are) (everything | things | all systems | all services) <fine>',
      'is [<det>] <server> <fine>',
      'health check',
      'sitrep',
      'what is up',
      '(is | are) (anything | something) wrong [with [<det>] <server>]',
      '(check | give) [<det>] (status | overall status | status report)',
    ],
    help: { kind: 'ask', topic: 'the overall status' },
  },
  {
    intent: 'top_memory',
    fixedSlots: { metric: 'memory' },
    patterns: [
      '(what | who) is (eating | using | hogging | taking | consuming | filling) [up] [all] [of] [<det> | so much | the most | most] <memory>',
      '(what | which) (process | processes | program | programs | app | apps) (is | are) using [the most | so much | most | all the] <memory>',
      '(which | what) process (uses | takes) [the] most <memory>',
      'top <memory> (processes | consumers | users | hogs)',
      '<memory> hogs',
      'top processes by <memory>',
    ],
    help: { kind: 'ask', topic: 'what is using the memory or the CPU' },
  },
  {
    intent: 'top_cpu',
    fixedSlots: { metric: 'cpu' },
    patterns: [
      '(what | who) is (eating | using | hogging | taking | consuming | burning) [up] [all] [of] [<det> | so much | the most | most] <cpu>',
      '(what | which) (process | processes | program | programs | app | apps) (is | are) using [the most | so much | most | all the] <cpu>',
      '(which | what) process (uses | takes) [the] most <cpu>',
      'top <cpu> (processes | consumers | users | hogs)',
      '<cpu> hogs',
      'top processes [by <cpu>]',
    ],
  },
  {
    intent: 'temperature',
    patterns: [
      '[<det>] [<cpu> | <server>] (temperature | temperatures | temp | temps)',
      'what is [<det>] [<cpu> | <server>] (temperature | temp)',
      'what is [<det>] (temperature | temp) of [<det>] (<cpu> | <server>)',
      'how hot is [<det>] (<cpu> | <server>) [running]',
      'is [<det>] (<cpu> | <server>) (overheating | too hot | hot | running hot)',
      'check [<det>] (temperature | temperatures | temps)',
    ],
    help: { kind: 'ask', topic: 'the temperature' },
  },
  {
    intent: 'cpu',
    fixedSlots: { metric: 'cpu' },
    patterns: [
      '[<det>] <cpu> [<usage>]',
      'what is [<det>] <cpu> [<usage> | at | doing] [like]',
      'how (busy | loaded) is [<det>] (<cpu> | <server>)',
      'how is [<det>] <cpu> [<usage>] [doing | looking]',
      'how much <cpu> is [being] used',
      'how much <cpu> (am i | are we) using',
      'check [<det>] <cpu> [<usage>]',
      'is [<det>] <cpu> busy',
    ],
    help: { kind: 'ask', topic: 'the CPU' },
  },
  {
    intent: 'memory',
    fixedSlots: { metric: 'memory' },
    patterns: [
      '[<det>] <memory> [<usage>]',
      'what is [<det>] <memory> [<usage> | at] [like]',
      'how much [free] <memory> (is | do i have | do we have | have i got) [left | free | used | available | in use | there]',
      'how much <memory> (am i | are we | is [<det>] <server>) using',
      'how is [<det>] <memory> [<usage>] [doing | looking]',
      'check [<det>] <memory> [<usage>]',
      '[<det>] swap [<usage>]',
      'how much swap is (used | in use)',
      '(am i | are we) (running out of | low on) <memory>',
      'is [<det>] <memory> full',
    ],
    help: { kind: 'ask', topic: 'the memory' },
  },
  {
    intent: 'disk',
    patterns: [
      'how full is [<det>] {mount} [<fs>]',
      '[<det>] [disk] (space | usage) (on | for | of) [<det>] {mount} [<fs>]',
      'how much (space | room) is (left | free | used) on [<det>] {mount} [<fs>]',
      'is [<det>] {mount} [<fs>] full',
      '[<det>] {mount} [<fs>] (usage | space | disk usage | disk space)',
      'how much free space (is there | do i have | do we have) on [<det>] {mount} [<fs>]',
      'what is [<det>] (disk usage | usage | free space) (on | of) [<det>] {mount} [<fs>]',
    ],
  },
  {
    intent: 'disk',
    patterns: [
      '[<det>] <disk> [space | usage | use]',
      'what is [<det>] <disk> [space | usage]',
      'how much [free] (disk | storage) [space] (is left | is free | is used | is there | left | do i have | do we have)',
      'how full (is | are) [<det>] <disk>',
      '(am i | are we) (running out of | low on) (disk | storage | space | disk space)',
      'how much space (is | do i have | do we have) left',
      'is [<det>] <disk> full',
      'check [<det>] <disk> [space | usage]',
    ],
    help: { kind: 'ask', topic: 'disk space, for all disks or one mount' },
  },
  {
    intent: 'uptime',
    patterns: [
      '[<server>] uptime',
      'what is [<det>] [<server>] uptime',
      'how long (has | have) [<det>] <server> been (up | running | on | online)',
      'how long (has it | have you) been (up | running)',
      'how long since [the] [last] (reboot | restart | boot)',
      'when did [<det>] <server> [last] (boot | start | reboot | restart | come up)',
      'when was [the] last reboot',
    ],
    help: { kind: 'ask', topic: 'the uptime' },
  },
  {
    intent: 'load',
    patterns: [
      '[<det>] [system | server] load [average | averages]',
      'load avg',
      'what is [<det>] [system | server] load [average]',
    ],
    help: { kind: 'ask', topic: 'the load' },
  },
];
