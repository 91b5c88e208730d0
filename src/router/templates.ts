/**
 * The router's grammar, as data: synonym classes and one template per intent, tried in this order
 * (the first template whose pattern covers the whole utterance wins). The syntax is in
 * template-syntax.md. Patterns are written in normalised form: lowercase, "what is" not "what's",
 * digits not number words, and without the courtesy words normalize.ts strips ("please", "tell me").
 */
import type { Template } from './types.js';

export const wordClasses: Readonly<Record<string, string>> = {
  det: 'the | my | our | this | a',
  server: 'server | system | machine | box | host | computer | homelab',
  cpu: 'cpu | cpus | processor | processors',
  memory: 'memory | ram',
  usage: 'usage | use | utilisation | utilization | load | level | percentage | percent',
  disk: 'disk | disks | storage | drive | drives | filesystem | filesystems | file system | file systems',
  fs: 'filesystem | file system | partition | drive | disk | volume | mount | pool | share',
  containers: '[docker] (containers | services)',
  yes: 'yes | yeah | yep | yup | sure | confirm | confirmed | do it | go ahead | go for it | approve | approved | affirmative | ok | okay',
  no: 'no | nope | nah | negative | deny | denied | abort | cancel | never mind | nevermind',
  restart: 'restart | reboot | bounce | reload | recycle',
  stop: 'stop | shut down | shutdown | halt | kill | turn off | power off',
  start: 'start | start up | launch | boot | boot up | fire up | spin up | bring up | turn on | power on',
  fine: 'ok | okay | alright | all right | fine | good | working | running | healthy | normal | green | up | alive',
};

export const templates: readonly Template[] = [
  {
    intent: 'confirm',
    // The second pattern never wins in the matcher ({query} takes the rest first); it is there so the
    // pocketsphinx grammar can hear a targeted voice confirmation ("yes restart plex server").
    patterns: ['<yes> [{query}]', '<yes> (<restart> | <stop> | <start>) [<det>] [container] {container}'],
  },
  {
    intent: 'deny',
    patterns: [
      '<no> [{query}]', 'stop', '(stop | cancel | forget | drop | abort) (that | it | this | about it)',
      '(do not | dont) [do (it | that)]',
    ],
  },
  {
    intent: 'help',
    patterns: [
      'help [me]', 'what can you do', 'what can i (ask | say) [you]', 'what do you (know | understand)',
      'what (commands | questions) (are there | can i (use | ask) | do you (know | understand))',
      'what are your (commands | options | abilities | skills)', 'how do i use you',
      'what are you able to do', 'what can you help [me] with', 'list [your | the] commands',
    ],
  },
  {
    intent: 'remember',
    patterns: ['remember [that] {fact}', '(note | make a note | keep in mind) that {fact}'],
    help: { kind: 'do', topic: 'remember a fact' },
  },
  {
    intent: 'forget',
    patterns: [
      'forget (that | about) {fact}', 'forget the fact that {fact}',
      'forget what (i told you | you know) about {fact}', 'forget {fact}',
    ],
    help: { kind: 'do', topic: 'forget it again' },
  },
  {
    intent: 'status',
    patterns: ['how is {host} [doing]', '[what is the] status of {host}', 'is {host} (up | online | ok | okay | alive | running)', '{host} status'],
  },
  {
    intent: 'status',
    patterns: [
      '[<det>] [overall | server | system | full] status [report | update | check]',
      'what is [<det>] [overall] status [of (<det> <server> | everything)]',
      'how is [<det>] <server> [doing | looking]', 'how (is | are) (everything | things | we) [doing | looking]',
      '(is | are) (everything | things | all systems | all services) <fine>', 'is [<det>] <server> <fine>',
      'health check', 'sitrep', 'what is up', '(is | are) (anything | something) wrong [with [<det>] <server>]',
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
      'top <memory> (processes | consumers | users | hogs)', '<memory> hogs', 'top processes by <memory>',
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
      'top <cpu> (processes | consumers | users | hogs)', '<cpu> hogs', 'top processes [by <cpu>]',
    ],
  },
  {
    intent: 'temperature',
    patterns: [
      '[<det>] [<cpu> | <server>] (temperature | temperatures | temp | temps)',
      'what is [<det>] [<cpu> | <server>] (temperature | temp)', 'what is [<det>] (temperature | temp) of [<det>] (<cpu> | <server>)',
      'how hot is [<det>] (<cpu> | <server>) [running]', 'is [<det>] (<cpu> | <server>) (overheating | too hot | hot | running hot)',
      'check [<det>] (temperature | temperatures | temps)',
    ],
    help: { kind: 'ask', topic: 'the temperature' },
  },
  {
    intent: 'cpu',
    fixedSlots: { metric: 'cpu' },
    patterns: [
      '[<det>] <cpu> [<usage>]', 'what is [<det>] <cpu> [<usage> | at | doing] [like]',
      'how (busy | loaded) is [<det>] (<cpu> | <server>)', 'how is [<det>] <cpu> [<usage>] [doing | looking]',
      'how much <cpu> is [being] used', 'how much <cpu> (am i | are we) using', 'check [<det>] <cpu> [<usage>]',
      'is [<det>] <cpu> busy',
    ],
    help: { kind: 'ask', topic: 'the CPU' },
  },
  {
    intent: 'memory',
    fixedSlots: { metric: 'memory' },
    patterns: [
      '[<det>] <memory> [<usage>]', 'what is [<det>] <memory> [<usage> | at] [like]',
      'how much [free] <memory> (is | do i have | do we have | have i got) [left | free | used | available | in use | there]',
      'how much <memory> (am i | are we | is [<det>] <server>) using', 'how is [<det>] <memory> [<usage>] [doing | looking]',
      'check [<det>] <memory> [<usage>]', '[<det>] swap [<usage>]', 'how much swap is (used | in use)',
      '(am i | are we) (running out of | low on) <memory>', 'is [<det>] <memory> full',
    ],
    help: { kind: 'ask', topic: 'the memory' },
  },
  {
    intent: 'disk',
    patterns: [
      'how full is [<det>] {mount} [<fs>]', '[<det>] [disk] (space | usage) (on | for | of) [<det>] {mount} [<fs>]',
      'how much (space | room) is (left | free | used) on [<det>] {mount} [<fs>]', 'is [<det>] {mount} [<fs>] full',
      '[<det>] {mount} [<fs>] (usage | space | disk usage | disk space)',
      'how much free space (is there | do i have | do we have) on [<det>] {mount} [<fs>]',
      'what is [<det>] (disk usage | usage | free space) (on | of) [<det>] {mount} [<fs>]',
    ],
  },
  {
    intent: 'disk',
    patterns: [
      '[<det>] <disk> [space | usage | use]', 'what is [<det>] <disk> [space | usage]',
      'how much [free] (disk | storage) [space] (is left | is free | is used | is there | left | do i have | do we have)',
      'how full (is | are) [<det>] <disk>', '(am i | are we) (running out of | low on) (disk | storage | space | disk space)',
      'how much space (is | do i have | do we have) left', 'is [<det>] <disk> full', 'check [<det>] <disk> [space | usage]',
    ],
    help: { kind: 'ask', topic: 'disk space, for all disks or one mount' },
  },
  {
    intent: 'uptime',
    patterns: [
      '[<server>] uptime', 'what is [<det>] [<server>] uptime',
      'how long (has | have) [<det>] <server> been (up | running | on | online)',
      'how long (has it | have you) been (up | running)', 'how long since [the] [last] (reboot | restart | boot)',
      'when did [<det>] <server> [last] (boot | start | reboot | restart | come up)', 'when was [the] last reboot',
    ],
    help: { kind: 'ask', topic: 'the uptime' },
  },
  {
    intent: 'load',
    patterns: ['[<det>] [system | server] load [average | averages]', 'load avg', 'what is [<det>] [system | server] load [average]'],
    help: { kind: 'ask', topic: 'the load' },
  },
  {
    intent: 'unhealthy_containers',
    patterns: [
      '(which | what) <containers> (are | is) (unhealthy | down | broken | failing | not running | stopped | dead | exited | in trouble | not healthy)',
      '(which | what) <containers> (are | is) having (problems | issues | trouble)',
      '(which | what | any) <containers> (have | with) (problems | issues | errors)',
      '[is] (anything | something) (broken | down | failing | unhealthy)', 'what is (broken | down | failing)',
      '[are there] any (problems | issues) (with | in) [<det>] (docker | containers | services | docker containers)',
      '[any] (unhealthy | broken | failing | stopped | dead | problem) <containers>',
      'are (all | any) [of] [<det>] <containers> (healthy | ok | okay | running | fine | up | down | unhealthy | broken)',
      '(is | are) docker [containers] (ok | okay | healthy | fine)', 'what is wrong with docker',
      '(is | are) (any | some) <containers> (down | broken | unhealthy | failing)',
    ],
    help: { kind: 'ask', topic: 'which containers are unhealthy' },
  },
  {
    intent: 'list_containers',
    patterns: [
      '[list | show] [all] [<det>] [running] <containers>',
      '(what | which) <containers> (are running | are up | are there | do i have | do we have | are on [<det>] <server>)',
      'how many <containers> (are there | are running | are up | do i have | do we have)',
      'what is running [in | on] docker', 'docker ps',
    ],
    help: { kind: 'ask', topic: 'which containers are running' },
  },
  {
    intent: 'container_logs',
    patterns: [
      '[<det>] {container} (logs | log)', '(logs | log) (of | for | from) [<det>] {container}',
      '(show | get | fetch | read | tail | check | print | display | open) [<det>] {container} (logs | log)',
      '(show | get | fetch | read | tail | check | print | display) [<det>] (logs | log) (of | for | from) [<det>] {container}',
      'what did {container} (log | say | print | write)', 'what (is | has) {container} (logging | logged | saying | printed)',
      'what is in [<det>] {container} (logs | log)', 'any errors in [<det>] {container} (logs | log)',
      '(last | latest | recent) {container} (logs | log | log lines)', '(last | latest | recent) (logs | log lines) (of | for | from) {container}',
    ],
    help: { kind: 'ask', topic: 'the logs of a container' },
  },
  {
    intent: 'container_status',
    patterns: [
      '(is | are) [<det>] {container} [still | currently] (running | up | healthy | ok | okay | alive | working | down | online | fine | dead | started | stopped | unhealthy | restarting | broken)',
      'how is {known-container} [doing | looking | running]', '(status | health | state) of [<det>] {container}',
      'what is [the] (status | state | health) of [<det>] {container}', '{known-container} (status | health)',
      'check [on] {known-container}', 'did {container} (crash | die | fail | stop | go down)',
    ],
    help: { kind: 'ask', topic: 'whether a container is running and healthy' },
  },
  {
    intent: 'container_restart',
    patterns: ['<restart> [<det>] {container} [again]', 'give [<det>] {container} a (restart | kick | reboot)'],
    help: { kind: 'do', topic: 'restart, stop or start a container once you approve' },
  },
  {
    intent: 'container_stop',
    patterns: ['<stop> [<det>] {container}', '(bring | take | shut) [<det>] {container} down'],
  },
  {
    intent: 'container_start',
    patterns: ['<start> [<det>] {container} [up | again | back up]', 'bring [<det>] {container} [back] up', 'turn {container} on'],
  },
];
