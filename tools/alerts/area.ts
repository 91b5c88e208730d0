/**
 * The alerts area: "what's wrong?" and "any alerts?" answered at once from the alert table. The overall
 * status stays live data (the system and Docker areas), so an unhealthy container is not said twice.
 * Listed first in src/app/areas.ts so "what is wrong" is about alerts ("what is wrong with docker" stays Docker's).
 */
import { answerFrom } from '../../src/router/answer-kit.js';
import type { ToolArea } from '../../src/router/area.js';
import type { AlertCheck } from '../../src/toolkit/check.js';
import type { Template } from '../../src/router/types.js';
import { alertsAnswer } from './answers.js';
import { alertTools, type AlertToolsOptions } from './alert-tools.js';

const alertTemplates: readonly Template[] = [
  {
    intent: 'alerts',
    // Fewer, more distinct phrasings for the speech recogniser (docs/decisions/023).
    spoken: [
      'what is wrong',
      'what is on fire',
      '[are there] any (alerts | alarms)',
      'show [the] (alerts | alarms)',
      'what (alerts | alarms) are firing',
    ],
    patterns: [
      'what is wrong',
      'what is on fire',
      'what (went | is going) wrong',
      '[are there | is there | do we have | do i have | got] any (alerts | alarms | problems | issues | warnings)',
      'any (alert | alarm | problem | issue | alerts | alarms) [firing]',
      '(are | is) (there | any) (alerts | alarms) firing',
      'what (alerts | alarms | warnings) (are there | are firing | are active | do we have | do i have)',
      '(list | show | read) [me] [<det>] [active | current | open] (alerts | alarms)',
      '[<det>] [active | open] (alerts | alarms)',
      '(is | are) (anything | any alerts | any alarms) (alerting | firing)',
      'alert (status | summary | report)',
      '(does | do) anything need [my] attention',
      'anything (i should | to) worry about',
    ],
    help: { kind: 'ask', topic: 'what is wrong (the alerts firing now)' },
  },
];

export interface AlertsAreaOptions extends AlertToolsOptions {
  /** Checks that belong to no other area (the custom command checks from config.alerts.commands). */
  checks?: readonly AlertCheck[];
}

export function createAlertsArea(options: AlertsAreaOptions): ToolArea {
  const tools = alertTools(options);
  return {
    name: 'alerts',
    tools: Object.values(tools),
    templates: alertTemplates,
    keywords: {
      alerts: {
        words: ['alerts', 'alert', 'alarms', 'alarm', 'warnings', 'firing', 'alerting', 'wrong', 'attention'],
        topic: 'the alerts',
      },
    },
    answers: {
      alerts: (context) => answerFrom(context, tools.list, {}, 'reading the alerts', (value) => alertsAnswer(value)),
    },
    checks: options.checks ?? [],
  };
}
