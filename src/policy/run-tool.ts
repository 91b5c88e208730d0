import { describeError, ToolError } from '../errors.js';
import { fitToBudget } from '../toolkit/budget.js';
import { hostOf } from '../toolkit/host-input.js';
import { redactDeep, redactSecrets } from '../toolkit/redact.js';
import { neutraliseControls, neutraliseDeep } from '../toolkit/terminal-safe.js';
import type { AnyTool, ToolContext } from '../toolkit/tool.js';
import type { InvokeOutcome } from './outcome.js';
import type { RunnerContext } from './runner-context.js';

/** What one step of a tool runs on: the tool, its input (which names the host) and the caller's signal. */
export interface ToolStep {
  tool: AnyTool;
  input: unknown;
  signal?: AbortSignal;
}

/** The context a tool's resolve/execute receives: the runner's defaults, the input's host and a per-call abort signal. */
function toolContextFor(context: RunnerContext, step: ToolStep, signal: AbortSignal): ToolContext {
  return {
    log: context.log.child(`tool:${step.tool.name}`),
    clock: context.clock,
    ...context.toolContext,
    host: hostOf(step.input),
    signal,
  };
}

/**
 * Runs a tool that policy already allowed, bounded by a timeout and the caller's signal. The result is
 * redacted and cut to the budget; a failure becomes one sentence, never a stack.
 */
export async function runAllowedTool(
  context: RunnerContext,
  tool: AnyTool,
  input: unknown,
  signal?: AbortSignal,
): Promise<InvokeOutcome> {
  try {
    const result = await withinLimits(context, { tool, input, signal }, (toolContext) =>
      tool.execute(input, toolContext),
    );
    // Secrets masked and terminal controls neutralised before anything (model, router, channel) sees the data.
    return okOutcome(tool.name, neutraliseDeep(redactDeep(result)), context.outputBudgetChars);
  } catch (error) {
    return { status: 'error', tool: tool.name, message: failureSentence(context, tool, error) };
  }
}

/**
 * One step of a tool (resolve or execute) under the tool timeout and the caller's signal: whichever
 * fires first aborts the step's signal and rejects with a ToolError, even if the step ignores it.
 */
export async function withinLimits<T>(
  context: RunnerContext,
  step: ToolStep,
  run: (toolContext: ToolContext) => Promise<T>,
): Promise<T> {
  const { tool, signal } = step;
  const controller = new AbortController();
  const timeout = setTimeout(
    () => controller.abort(new ToolError(tool.name, timeoutSentence(tool, context.toolTimeoutMs))),
    context.toolTimeoutMs,
  );
  const onAbort = () => controller.abort(new ToolError(tool.name, `${tool.name} was cancelled.`));
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  try {
    return await untilAborted(run(toolContextFor(context, step, controller.signal)), controller.signal);
  } finally {
    clearTimeout(timeout);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The model-ready text is made on first read: the router speaks from `data` and never needs it, and
 * serialising and scanning a full system snapshot is most of an instant answer's time.
 */
function okOutcome(tool: string, data: unknown, budget: number): InvokeOutcome {
  let output: string | undefined;
  return {
    status: 'ok',
    tool,
    data,
    get output(): string {
      if (output === undefined) {
        const text = typeof data === 'string' ? data : (JSON.stringify(data, null, 1) ?? '');
        output = fitToBudget(redactSecrets(text), budget);
      }
      return output;
    },
  };
}

/** A tool that ignores its signal still gives the turn back when the signal fires. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function timeoutSentence(tool: AnyTool, timeoutMs: number): string {
  const limit = timeoutMs < 1000 ? `${timeoutMs} milliseconds` : `${Math.round(timeoutMs / 1000)} seconds`;
  return `${tool.name} took longer than ${limit} and was stopped.`;
}

/** ToolError messages are written for people; anything else becomes a generic sentence (details go to the log). */
export function failureSentence(context: RunnerContext, tool: AnyTool, error: unknown): string {
  if (error instanceof ToolError) return neutraliseControls(redactSecrets(error.message));
  context.log.error('tool failed', { tool: tool.name, error: describeError(error) });
  return `${tool.name} failed unexpectedly; the details are in the sysvox log.`;
}
