/**
 * The services (systemd) tools, on any host (ToolContext.host). Reading tools are `safe`; restart, start
 * and stop are `confirm`. Every tool that takes a unit resolves it on that host before policy sees it
 * ("jellyfin" -> "jellyfin.service", an alias to its real name), so an approval binds to the exact unit,
 * and a unit that does not exist is refused with one sentence before anything is asked.
 */
import { z } from 'zod';
import { defineTool } from '../../src/toolkit/tool.js';
import type { ServicesClient } from './client.js';
import { checkNotProtected } from './protected-units.js';
import { failedUnits, unitActionResult, unitJournal, unitStatus, type UnitAction } from './types.js';
import { spokenUnit } from './unit-name.js';

const unitInput = z.object({
  unit: z
    .string()
    .min(1)
    .max(255)
    .describe("A systemd unit: 'jellyfin' or 'jellyfin.service'; '.service' is added when no type is given"),
});

function withResolve<I extends { unit: string }>(client: ServicesClient, tool: string) {
  return async (input: I, context: { host: string }): Promise<I> => ({
    ...input,
    unit: await client.resolveUnit(tool, context.host, input.unit),
  });
}

function actionTool(client: ServicesClient, action: UnitAction) {
  const name = `systemd_${action}`;
  return defineTool({
    name,
    description: `${action[0]!.toUpperCase()}${action.slice(1)} a systemd unit on a host. Needs the user's approval.`,
    risk: 'confirm',
    input: unitInput,
    describeCall: (input) => `${action} unit '${spokenUnit(input.unit)}'`,
    confirmTarget: (input) => spokenUnit(input.unit),
    resolve: async (input, context) => {
      const resolved = await withResolve<typeof input>(client, name)(input, context);
      checkNotProtected(name, resolved.unit, action, context.host);
      return resolved;
    },
    execute: (input, context) => {
      checkNotProtected(name, input.unit, action, context.host);
      return client.act(name, context.host, input.unit, action);
    },
    output: unitActionResult,
  });
}

export type ServiceTools = ReturnType<typeof serviceTools>;

export function serviceTools(client: ServicesClient, options: { logLines: number }) {
  const maxLines = 200;
  return {
    failedUnits: defineTool({
      name: 'systemd_failed_units',
      description: 'List the systemd units that have failed on a host.',
      risk: 'safe',
      input: z.object({}),
      describeCall: () => 'list failed systemd units',
      execute: (_input, context) => client.failedUnits('systemd_failed_units', context.host),
      output: failedUnits,
    }),
    status: defineTool({
      name: 'systemd_unit_status',
      description: 'State of one systemd unit: active or not, since when, restarts, main process, memory.',
      risk: 'safe',
      input: unitInput,
      describeCall: (input) => `status of unit '${spokenUnit(input.unit)}'`,
      resolve: withResolve(client, 'systemd_unit_status'),
      execute: (input, context) => client.status('systemd_unit_status', context.host, input.unit),
      output: unitStatus,
    }),
    logs: defineTool({
      name: 'systemd_unit_logs',
      description: 'The last lines of the journal of one systemd unit, redacted.',
      risk: 'safe',
      input: unitInput.extend({
        lines: z.number().int().min(1).max(maxLines).default(Math.min(options.logLines, maxLines)),
      }),
      describeCall: (input) => `read the journal of unit '${spokenUnit(input.unit)}'`,
      resolve: withResolve(client, 'systemd_unit_logs'),
      execute: (input, context) => client.journal('systemd_unit_logs', context.host, input.unit, input.lines),
      output: unitJournal,
    }),
    errors: defineTool({
      name: 'systemd_unit_errors',
      description: 'Error lines (priority err and worse) of one systemd unit since some hours ago, redacted.',
      risk: 'safe',
      input: unitInput.extend({
        sinceHours: z
          .number()
          .min(0.1)
          .max(24 * 31)
          .default(24)
          .describe('How far back to look, in hours'),
        lines: z.number().int().min(1).max(maxLines).default(50),
      }),
      describeCall: (input) => `read the errors of unit '${spokenUnit(input.unit)}'`,
      resolve: withResolve(client, 'systemd_unit_errors'),
      execute: (input, context) => {
        const since = new Date(context.clock().getTime() - input.sinceHours * 3_600_000);
        return client.errors('systemd_unit_errors', context.host, input.unit, since, input.lines);
      },
      output: unitJournal,
    }),
    restart: actionTool(client, 'restart'),
    start: actionTool(client, 'start'),
    stop: actionTool(client, 'stop'),
  };
}
