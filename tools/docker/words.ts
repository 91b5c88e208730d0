/**
 * The Docker area's words: its synonym classes and templates, tried in this order after the core's and
 * the areas registered before it. Syntax: src/router/template-syntax.md. <det>, <server>, <yes> are the core's.
 */
import type { Template } from '../../src/router/types.js';

export const dockerWordClasses: Readonly<Record<string, string>> = {
  containers: '[docker] (containers | services)',
  restart: 'restart | reboot | bounce | reload | recycle',
  stop: 'stop | shut down | shutdown | halt | kill | turn off | power off',
  start: 'start | start up | launch | boot | boot up | fire up | spin up | bring up | turn on | power on',
};

export const dockerTemplates: readonly Template[] = [
  {
    // The core answers yes; this pattern never wins in the matcher (the core's "<yes> [{query}]" takes the
    // rest first). It is there so the pocketsphinx grammar can hear "yes restart plex server".
    intent: 'confirm',
    patterns: ['<yes> (<restart> | <stop> | <start>) [<det>] [container] {container}'],
  },
  {
    intent: 'unhealthy_containers',
    patterns: [
      '(which | what) <containers> (are | is) (unhealthy | down | broken | failing | not running | stopped | dead | exited | in trouble | not healthy)',
      '(which | what) <containers> (are | is) having (problems | issues | trouble)',
      '(which | what | any) <containers> (have | with) (problems | issues | errors)',
      '[is] (anything | something) (broken | down | failing | unhealthy)',
      'what is (broken | down | failing)',
      '[are there] any (problems | issues) (with | in) [<det>] (docker | containers | services | docker containers)',
      '[any] (unhealthy | broken | failing | stopped | dead | problem) <containers>',
      'are (all | any) [of] [<det>] <containers> (healthy | ok | okay | running | fine | up | down | unhealthy | broken)',
      '(is | are) docker [containers] (ok | okay | healthy | fine)',
      'what is wrong with docker',
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
      'what is running [in | on] docker',
      'docker ps',
    ],
    help: { kind: 'ask', topic: 'which containers are running' },
  },
  {
    intent: 'container_logs',
    patterns: [
      '[<det>] {container} (logs | log)',
      '(logs | log) (of | for | from) [<det>] {container}',
      '(show | get | fetch | read | tail | check | print | display | open) [<det>] {container} (logs | log)',
      '(show | get | fetch | read | tail | check | print | display) [<det>] (logs | log) (of | for | from) [<det>] {container}',
      'what did {container} (log | say | print | write)',
      'what (is | has) {container} (logging | logged | saying | printed)',
      'what is in [<det>] {container} (logs | log)',
      'any errors in [<det>] {container} (logs | log)',
      '(last | latest | recent) {container} (logs | log | log lines)',
      '(last | latest | recent) (logs | log lines) (of | for | from) {container}',
    ],
    help: { kind: 'ask', topic: 'the logs of a container' },
  },
  {
    intent: 'container_status',
    patterns: [
      '(is | are) [<det>] {container} [still | currently] (running | up | healthy | ok | okay | alive | working | down | online | fine | dead | started | stopped | unhealthy | restarting | broken)',
      'how is {known-container} [doing | looking | running]',
      '(status | health | state) of [<det>] {container}',
      'what is [the] (status | state | health) of [<det>] {container}',
      '{known-container} (status | health)',
      'check [on] {known-container}',
      'did {container} (crash | die | fail | stop | go down)',
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
    patterns: [
      '<start> [<det>] {container} [up | again | back up]',
      'bring [<det>] {container} [back] up',
      'turn {container} on',
    ],
  },
];
