/**
 * The Docker area's words: its synonym classes and templates, tried in this order after the core's and
 * the areas registered before it. Syntax: src/router/template-syntax.md. <det>, <server>, <yes> are the core's.
 * A targeted confirmation ("yes, restart plex") carries the container and the action, so the policy
 * approves only a request for that container and action (src/policy/approval-resolution.ts).
 */
import type { Template } from '../../src/router/types.js';

export const dockerWordClasses: Readonly<Record<string, string>> = {
  containers: '[docker] (containers | container | services | service)',
  restart: 'restart | reboot | bounce | reload | recycle | kick',
  stop: 'stop | shut down | shutdown | halt | kill | turn off | power off',
  start: 'start | start up | launch | boot | boot up | fire up | spin up | bring up | turn on | power on',
  /** What is wrong with a container, as an adjective: "stopped containers", "which containers are stopped". */
  bad: 'unhealthy | down | broken | failing | not running | stopped | dead | exited | crashed | crashing | restarting | in trouble | not healthy | not ok | not up',
  /** "the plex logs", "the plex container logs". */
  logs: '[container] (logs | log | log lines)',
  showlogs: 'show | get | fetch | read | tail | check | print | display | open | pull up | see | give me',
  /** A container as a pattern says it: "plex", "the plex container"; "the music" is no unknown container. */
  ctr: '<det> {the-container} | {container}',
};

/** "yes restart plex": one template per action, so the match says which action the confirmation names. */
const targetedConfirm = (action: string, verbs: string): Template => ({
  intent: 'confirm',
  fixedSlots: { action },
  patterns: [`<yes> [please] ${verbs} [[<det>] container] <ctr>`],
  // Said back as the approval asked for it ("yes, restart plex"): the recogniser offers the action's own verb.
  spoken: [`<yes> [please] ${action} <ctr>`],
});

export const dockerTemplates: readonly Template[] = [
  targetedConfirm('restart', '<restart>'),
  targetedConfirm('stop', '<stop>'),
  targetedConfirm('start', '<start>'),
  {
    intent: 'unhealthy_containers',
    spoken: [
      '(which | what) containers are (unhealthy | down | stopped | not running | failing)',
      '[are there] any (unhealthy | stopped) containers',
      '(list | show) [the] (unhealthy | stopped) containers',
      'are any containers (unhealthy | down)',
    ],
    patterns: [
      '(which | what) <containers> (are | is) [still] <bad>',
      '(which | what) <containers> (are | is) having (problems | issues | trouble)',
      '(which | what) <containers> (have | has) (crashed | died | exited | stopped | failed | problems | issues | errors)',
      '(which | what | any) <containers> (have | with) (problems | issues | errors)',
      '(which | what) <containers> (exited | crashed | died | stopped | failed)',
      '(did | have | has) any <containers> (crash | crashed | die | died | fail | failed | stop | stopped | exit | exited)',
      '[is] (anything | something) (broken | down | failing | unhealthy) [in docker]',
      'what is (broken | down | failing | not running)',
      '[are there | is there | do i have | do we have] any (problems | issues) (with | in) [<det>] (docker | containers | services | docker containers)',
      '[are there | is there | do i have | do we have] [any] (unhealthy | broken | failing | stopped | dead | exited | crashed | problem) <containers>',
      '[list | show] [<det>] [all] [<det>] (unhealthy | broken | failing | stopped | dead | exited | crashed) <containers>',
      '[list | show] [<det>] [all] [<det>] <containers> (that are | which are) <bad>',
      'any <containers> [that are] <bad>',
      'any (container | docker) (problems | issues | errors)',
      'any issues with [<det>] <containers>',
      '(is | are) (all | any) [of] [<det>] <containers> [still] (healthy | ok | okay | running | fine | up | <bad>)',
      'are [<det>] <containers> [all] [still] (healthy | ok | okay | running | fine | up)',
      '(is | are) docker [containers] (ok | okay | healthy | fine)',
      '(is | are) (everything | all) [running | ok | okay | fine | healthy | up] in docker',
      'what is wrong with docker',
      '[is | are] (anything | something) wrong with [<det>] <containers>',
      '(which | what) <containers> need (attention | fixing | help)',
    ],
    help: { kind: 'ask', topic: 'which containers are unhealthy' },
  },
  {
    intent: 'list_containers',
    spoken: [
      '[list | show] [all] [the] [running] containers',
      'which containers are running',
      'what is running [on | in] docker',
      'what is running',
      'how many containers [are running]',
    ],
    patterns: [
      '[list | show] [all] [<det>] [running] <containers>',
      '(what | which) <containers> (are running | are up | are there | do i have | do we have | are on [<det>] <server>)',
      'how many <containers> [are there | are running | are up | do i have | do we have]',
      '(what | which) <containers> (do i | do we) have running',
      'what is running [[in | on] (docker | [<det>] <server>)]',
      'what (do i | do we) have running [in docker | on [<det>] <server>]',
      'what is in docker',
      '[<det>] (container | docker) list',
      'docker ps',
    ],
    help: { kind: 'ask', topic: 'which containers are running' },
  },
  {
    intent: 'container_logs',
    spoken: ['<ctr> logs', '(show | get) [me] <ctr> logs', '[(show | get) [me]] the logs (of | for) <ctr>'],
    patterns: [
      '[docker] <ctr> <logs>',
      '[docker] [<det>] (logs | log) (of | for | from) <ctr>',
      'docker (logs | log) {container}',
      '<showlogs> [me] <ctr> <logs>',
      '<showlogs> [me] [<det>] (logs | log) (of | for | from) <ctr>',
      'what did <ctr> (log | say | print | write)',
      'what (is | has) <ctr> (logging | logged | saying | printed)',
      'what (does | do) <ctr> <logs> say',
      'what is in <ctr> <logs>',
      '[(are | were) there] any (errors | warnings | problems) in <ctr> <logs>',
      '(are | were) there (errors | warnings | problems) in <ctr> <logs>',
      '[what (are | is)] [the] (last | latest | recent) {container} <logs>',
      'what (has | have) <ctr> been (logging | saying | printing)',
      '<showlogs> [me] [<det>] (last | latest | recent) (logs | log) (of | for | from) <ctr>',
      '(last | latest | recent) [few] (logs | log lines | lines) (of | for | from | in) <ctr> [<logs>]',
    ],
    help: { kind: 'ask', topic: 'the logs of a container' },
  },
  {
    intent: 'container_status',
    spoken: [
      'is <ctr> (running | up | healthy | down | ok)',
      'how is [the] {known-container} [doing]',
      '[the] status of <ctr>',
      'what is the status of <ctr>',
      '{known-container} status',
      'check [on] [the] {known-container}',
    ],
    patterns: [
      '(is | are) <ctr> [still | currently] (running | up | healthy | ok | okay | alive | working | down | online | fine | dead | started | stopped | unhealthy | restarting | broken)',
      'how is [<det>] {known-container} [doing | looking | running]',
      '[<det>] (status | health | state) of <ctr>',
      '{known-container} (is it | it is) [still] (running | up | ok | okay | down | healthy | working)',
      'what is [the] (status | state | health) of <ctr>',
      'what (state | status) is <ctr> in',
      '[<det>] {known-container} (status | health)',
      'check [on] [<det>] {known-container}',
      '(did | has) <ctr> (crash | crashed | die | died | fail | failed | stop | stopped | go down | gone down)',
      '{known-container}',
      'what is (up | going on) with <ctr>',
    ],
    help: { kind: 'ask', topic: 'whether a container is running and healthy' },
  },
  {
    intent: 'container_restart',
    spoken: ['restart [the container] <ctr>', 'restart <ctr> container'],
    patterns: [
      '[docker] <restart> [[<det>] (container | service)] <ctr> [again]',
      'give <ctr> a (restart | kick | reboot)',
      'try (restarting | rebooting | bouncing) <ctr>',
      '<ctr> needs (a restart | restarting | a reboot | a kick)',
    ],
    help: { kind: 'do', topic: 'restart, stop or start a container once you approve' },
  },
  {
    intent: 'container_stop',
    spoken: ['(stop | shut down) [the container] <ctr>', 'stop <ctr> container'],
    patterns: [
      '[docker] <stop> [[<det>] (container | service)] <ctr>',
      '(bring | take | shut) <ctr> down',
      '(turn | shut | power) <ctr> off',
    ],
  },
  {
    intent: 'container_start',
    spoken: ['start [the container] <ctr>', 'start <ctr> container', 'bring <ctr> [back] up'],
    patterns: [
      '[docker] <start> [[<det>] (container | service)] ([<det>] (stopped | exited | dead) <ctr> | <ctr>) [up | again | back up]',
      'bring <ctr> [back] up',
      'turn {container} on',
      '(get | have) <ctr> (running | up | going) [again]',
    ],
  },
];
