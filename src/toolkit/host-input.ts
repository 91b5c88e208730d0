/**
 * Every tool's input carries an optional `host` (default 'local', this machine), added here once for
 * every tool rather than by hand in each. The model sees it in the JSON schema; the approval hash, the
 * stored input and the audit see it because it is part of the input; describeCall names it when it is
 * not local; the tool itself gets its input without it and reads ToolContext.host instead.
 */
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import type { AnyTool, ToolContext } from './tool.js';

/** The host of a call about this machine. */
export const localHost = 'local';

const hostField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'a host name: letters, digits, dots, dashes and underscores')
  .default(localHost)
  .describe("Which machine the call is about: 'local' (this server, the default) or the name of another host");

/** The host an input names; 'local' when it names none (a stored approval from before hosts existed). */
export function hostOf(input: unknown): string {
  const host = typeof input === 'object' && input !== null ? (input as { host?: unknown }).host : undefined;
  return typeof host === 'string' && host.length > 0 ? host : localHost;
}

/** "restart container 'plex'" on this machine, "restart container 'plex' on nas" elsewhere. */
export function onHost(description: string, host: string): string {
  return host === localHost ? description : `${description} on ${host}`;
}

function withoutHost(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const { host: _host, ...rest } = input as Record<string, unknown>;
  return rest;
}

/** The tool as the registry hands it out: `host` in its input schema, description and target. */
export function withHostInput(tool: AnyTool): AnyTool {
  if (!(tool.input instanceof z.ZodObject))
    throw new ConfigError(
      `tool '${tool.name}' must take an object input (a z.object schema), so the host can be added to it`,
    );
  if ('host' in tool.input.shape)
    throw new ConfigError(
      `tool '${tool.name}' declares its own host input; the registry adds host to every tool, remove it from the tool`,
    );
  const inner = tool;
  const forTool = (context: ToolContext, input: unknown): ToolContext => ({ ...context, host: hostOf(input) });
  return {
    ...inner,
    input: tool.input.extend({ host: hostField }),
    describeCall: (input: unknown) => onHost(inner.describeCall(withoutHost(input)), hostOf(input)),
    confirmTarget: inner.confirmTarget
      ? (input: unknown) => onHost(inner.confirmTarget!(withoutHost(input)), hostOf(input))
      : undefined,
    resolve: inner.resolve
      ? async (input: unknown, context: ToolContext) => ({
          ...(await inner.resolve!(withoutHost(input), forTool(context, input))),
          host: hostOf(input),
        })
      : undefined,
    execute: (input: unknown, context: ToolContext) => inner.execute(withoutHost(input), forTool(context, input)),
  };
}
