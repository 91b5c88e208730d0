/**
 * The services area (systemd): failed units, a unit's status, its journal and errors, and restart, stop
 * and start (confirm tier), on any host. Every command goes through HostCommands (src/toolkit/
 * host-commands.ts): this area never starts a process itself.
 */
import type { ServicesConfig } from '../../src/config/host-health-schema.js';
import type { Logger } from '../../src/log.js';
import { answerFrom } from '../../src/router/answer-kit.js';
import type { AnswerContext, IntentHandler, ToolArea } from '../../src/router/area.js';
import type { HostCommands } from '../../src/toolkit/host-commands.js';
import { failedUnitsAnswer, unitActionAnswer, unitErrorsAnswer, unitLogsAnswer, unitStatusAnswer } from './answers.js';
import { createServicesChecks } from './checks.js';
import { createServicesClient } from './client.js';
import { servicesKeywords } from './keywords.js';
import { serviceTools, type ServiceTools } from './service-tools.js';
import type { UnitAction } from './types.js';
import { spokenUnit } from './unit-name.js';
import { createUnitNames, unitSlot } from './unit-slot.js';
import { servicesTemplates, servicesWordClasses } from './words.js';

export interface ServicesAreaOptions {
  commands: HostCommands;
  config: ServicesConfig;
  /** When given (alerts enabled), the failed-units check runs. */
  alerts?: { log: Logger };
  clock?: () => Date;
}

/** Journal lines read aloud for "the logs of nginx"; more are read so the error count has something to count. */
const spokenLogLines = 3;

const gerunds: Record<UnitAction, string> = { restart: 'restarting', stop: 'stopping', start: 'starting' };

function answers(tools: ServiceTools, clock: () => Date): Record<string, IntentHandler> {
  const unit = (context: AnswerContext) => context.match.slots.unit ?? '';
  const act =
    (action: UnitAction): IntentHandler =>
    (context) =>
      answerFrom(
        context,
        tools[action],
        { unit: unit(context) },
        `${gerunds[action]} ${spokenUnit(unit(context))}`,
        unitActionAnswer,
      );
  return {
    failed_units: (context) => answerFrom(context, tools.failedUnits, {}, 'listing failed units', failedUnitsAnswer),
    unit_status: (context) =>
      answerFrom(context, tools.status, { unit: unit(context) }, 'checking the unit', (status) =>
        unitStatusAnswer(status, clock()),
      ),
    unit_logs: (context) =>
      answerFrom(context, tools.logs, { unit: unit(context) }, 'reading the journal', (journal) =>
        unitLogsAnswer(journal, spokenLogLines),
      ),
    unit_errors: (context) => {
      const hours = Number(context.match.slots.hours ?? '24');
      return answerFrom(
        context,
        tools.errors,
        { unit: unit(context), sinceHours: hours },
        'reading the journal',
        (journal) => unitErrorsAnswer(journal, hours),
      );
    },
    unit_restart: act('restart'),
    unit_stop: act('stop'),
    unit_start: act('start'),
  };
}

export function createServicesArea(options: ServicesAreaOptions): ToolArea {
  const client = createServicesClient({ commands: options.commands });
  const tools = serviceTools(client, { logLines: options.config.journalLines });
  const hosts = () => options.commands.hosts();
  const names = createUnitNames({ hosts, names: (host) => client.serviceNames(host) });
  return {
    name: 'services',
    tools: Object.values(tools),
    templates: servicesTemplates,
    wordClasses: servicesWordClasses,
    keywords: servicesKeywords,
    slots: [unitSlot(names)],
    answers: answers(tools, options.clock ?? (() => new Date())),
    checks: options.alerts
      ? createServicesChecks({ client, hosts, config: options.config.failedUnits, log: options.alerts.log })
      : [],
  };
}
