import type { z } from 'zod';
import type { Logger } from '../log.js';

export type Risk = 'safe' | 'confirm' | 'blocked';

export interface ToolContext {
  signal: AbortSignal;
  log: Logger;
  clock: () => Date;
  /** Host the call is about; 'local' for this machine, else a configured SSH host's name. */
  host: string;
}

export interface Tool<I = unknown, O = unknown> {
  /** snake_case; the LLM sees it. */
  name: string;
  /** Written for the model, one or two sentences. */
  description: string;
  /** The default tier; config may tighten it, never loosen `blocked`. */
  risk: Risk;
  input: z.ZodType<I>;
  /** "restart container 'jellyfin'" (approvals, audit). */
  describeCall(input: I): string;
  /** The target a spoken confirmation must name ("plex"); defaults to none. */
  confirmTarget?(input: I): string;
  /**
   * Canonicalises the input before policy sees it (e.g. "plex" -> "plex-server"), so an approval binds
   * to the exact target. Throws a ToolError when the target does not exist.
   */
  resolve?(input: I, context: ToolContext): Promise<I>;
  execute(input: I, context: ToolContext): Promise<O>;
  /**
   * What execute returns, as a schema: the router reads a result through it (safeParse) instead of
   * checking fields by hand, so a tool whose result changed gets "could not read", never "undefined".
   */
  output?: z.ZodType<O>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = Tool<any, any>;

/** A tool with an output schema: what an instant answer can read (see src/router/answer-kit.ts). */
export type TypedTool<I = unknown, O = unknown> = Tool<I, O> & { output: z.ZodType<O> };

/** Identity helper that keeps the input type flowing from the zod schema into execute/describeCall. */
export function defineTool<I, O>(tool: TypedTool<I, O>): TypedTool<I, O>;
export function defineTool<I, O>(tool: Tool<I, O>): Tool<I, O>;
export function defineTool<I, O>(tool: Tool<I, O>): Tool<I, O> {
  return tool;
}
