/**
 * The services area's words: its classes and templates, tried after the core's and before Docker's (see
 * src/app/areas.ts), so "which services failed" and "restart nginx" reach systemd when nginx is a unit.
 * {unit} takes known units only, so anything else falls through to Docker and the brain. Every pattern may
 * end in a host ("restart jellyfin on the media box"): {host} is the system area's slot, whose names the
 * SSH host registry fills. <restart>, <stop>, <start>, <showlogs> are Docker's; <det>, <yes> the core's.
 * Syntax: src/router/template-syntax.md.
 */
import type { Template } from '../../src/router/types.js';

export const servicesWordClasses: Readonly<Record<string, string>> = {
  /** "on the nas", "on media box". */
  onhost: '(on | at | for) [<det>] {host}',
  /** A unit as said: "nginx", "the nginx service", "the smbd daemon". */
  svc: '[<det>] {unit} [service | unit | daemon]',
  units: 'services | units | systemd units | systemd services | daemons | unit | service',
  journal: 'logs | log | journal | log lines | journal lines',
  ended: 'failed | have failed | has failed | did fail | are failed | crashed | have crashed',
};

/** An error question over a fixed window: the match carries it as `hours`. */
function errorWindow(hours: string, window: string): Template {
  return {
    intent: 'unit_errors',
    fixedSlots: { hours },
    patterns: [
      `[(are | were) there] any errors (in | from | of | for) <svc> [<journal>] ${window} [<onhost>]`,
      `<svc> errors ${window} [<onhost>]`,
      `[<showlogs>] [me] [<det>] errors (of | from | in | for) <svc> [<journal>] ${window} [<onhost>]`,
      `(did | has) <svc> (log | logged | have | had) [any] errors ${window} [<onhost>]`,
    ],
    // The offline recogniser hears only "any errors in nginx today"; the other windows are for typing and Whisper.
    spoken: hours === '24' ? ['any errors in {unit} today'] : [],
  };
}

export const servicesTemplates: readonly Template[] = [
  // "yes, restart nginx": the spoken text names the unit, which is what the policy checks.
  {
    intent: 'confirm',
    patterns: ['<yes> [please] [go ahead and] (<restart> | <stop> | <start>) <svc> [<onhost>]'],
  },
  {
    intent: 'failed_units',
    patterns: [
      '(which | what) <units> <ended> [<onhost>]',
      '[list | show] [<det>] [all] failed <units> [<onhost>]',
      '(are there | is there | do i have | do we have) any failed <units> [<onhost>]',
      '(did | has) any <units> (fail | failed) [<onhost>]',
      'any failed <units> [<onhost>]',
      'systemctl [list units] failed [<onhost>]',
      '(is | are) (anything | any <units>) failed in systemd [<onhost>]',
      '[what is] failed in systemd [<onhost>]',
    ],
    spoken: ['which services failed', 'failed services [<onhost>]'],
    help: { kind: 'ask', topic: 'which systemd services failed' },
  },
  {
    intent: 'unit_status',
    patterns: [
      '(is | are) <svc> [still | currently] (running | up | active | ok | okay | alive | working | down | dead | failed | stopped | started | enabled | inactive) [<onhost>]',
      '[what is] [<det>] (status | state) of <svc> [<onhost>]',
      'systemctl status <svc> [<onhost>]',
      '<svc> (status | state) [<onhost>]',
      '(did | has) <svc> (fail | failed | crash | crashed | die | died | stop | stopped) [<onhost>]',
      'how is <svc> [doing] [<onhost>]',
    ],
    spoken: ['is {unit} running [<onhost>]', 'status of {unit}'],
    help: { kind: 'ask', topic: 'whether a systemd service is running' },
  },
  errorWindow('1', '(in the last hour | in the past hour | this hour)'),
  errorWindow('24', '[today | in the last day | since yesterday | in the last 24 hours]'),
  errorWindow('168', '(this week | in the last week | in the past week | in the last 7 days)'),
  {
    intent: 'unit_logs',
    patterns: [
      '<showlogs> [me] [<det>] [last | latest | recent] <journal> (of | for | from) <svc> [<onhost>]',
      '[<det>] [last | latest | recent] <svc> <journal> [<onhost>]',
      '[<det>] [last | latest | recent] <journal> (of | for | from) <svc> [<onhost>]',
      '<showlogs> [me] [<det>] [last | latest | recent] <svc> <journal> [<onhost>]',
      'journalctl [for] <svc> [<onhost>]',
      'what (did | has) <svc> (log | logged | say | said) [<onhost>]',
      '(last | latest | recent) [few] (lines | log lines) (of | for | from) <svc> [<onhost>]',
    ],
    spoken: ['show the journal of {unit}', '{unit} journal'],
    help: { kind: 'ask', topic: 'the journal of a systemd service' },
  },
  {
    intent: 'unit_restart',
    patterns: ['<restart> [<det>] [systemd] <svc> [<onhost>]', 'give <svc> a (restart | kick) [<onhost>]'],
    spoken: ['restart {unit} [<onhost>]'],
    help: { kind: 'do', topic: 'restart, stop or start a systemd service once you approve' },
  },
  { intent: 'unit_stop', patterns: ['<stop> [<det>] [systemd] <svc> [<onhost>]'], spoken: ['stop {unit} [<onhost>]'] },
  {
    intent: 'unit_start',
    patterns: ['<start> [<det>] [systemd] <svc> [again | back up] [<onhost>]'],
    spoken: ['start {unit} [<onhost>]'],
  },
];
