import type { Message, ToolCall } from 'ollama';
import { describeError } from '../errors.js';
import type { ApprovalView } from '../types.js';
import type { InvokeOutcome } from '../policy/outcome.js';
import { stripChatTemplateTokens, wrapToolData } from '../toolkit/data-markers.js';
import type { BrainEvent, BrainInvoke } from './brain-types.js';

export interface ToolStepOptions {
  calls: ToolCall[];
  step: number;
  invoke: BrainInvoke;
  describe: (tool: string, input: unknown) => string;
  signal: AbortSignal;
  /** The conversation sent to the model; tool results are appended to it. */
  messages: Message[];
  /** Records a call that is not run because an earlier one in the message waits for approval. */
  drop?: (tool: string, input: unknown, reason: string) => void;
}

/** What one model message's calls came to. */
export interface ToolStepResult {
  /** The approval that stopped the loop, if a call needs one. */
  approval?: ApprovalView;
  /** Calls that ran and gave a result. */
  succeeded: number;
  /** One sentence per call that was refused or failed ("There is no tool named format_disk."). */
  failures: string[];
  /** Descriptions of the calls after an approval that were not run ("stop container 'db'"). */
  dropped: string[];
}

/**
 * Runs the calls of one model message in order through the policy runner. Results go back to the
 * model as role 'tool' messages; a refusal or a failure is a result the model can read. A call that
 * needs approval stops the step: the calls after it are not run, and each is recorded as dropped.
 */
export async function* runToolStep(options: ToolStepOptions): AsyncGenerator<BrainEvent, ToolStepResult> {
  const result: ToolStepResult = { succeeded: 0, failures: [], dropped: [] };
  for (const [index, call] of options.calls.entries()) {
    const tool = call.function.name;
    const input = normaliseArguments(call.function.arguments);
    const callId = `call-${options.step}-${index + 1}`;
    yield { type: 'tool-call', callId, tool, input, description: options.describe(tool, input) };
    const outcome = await invokeSafely(options, tool, input);
    if (outcome.status === 'approval-required') {
      yield { type: 'approval-request', approval: outcome.approval };
      result.approval = outcome.approval;
      result.dropped = dropRest(options, options.calls.slice(index + 1), outcome.approval);
      return result;
    }
    if (outcome.status === 'ok') result.succeeded++;
    else result.failures.push(outcome.message);
    yield { type: 'tool-result', callId, tool, ok: outcome.status === 'ok', output: resultText(outcome) };
    options.messages.push({ role: 'tool', content: toolMessage(outcome), tool_name: tool });
  }
  return result;
}

function dropRest(options: ToolStepOptions, rest: ToolCall[], approval: ApprovalView): string[] {
  return rest.map((call) => {
    const input = normaliseArguments(call.function.arguments);
    options.drop?.(call.function.name, input, `waiting for approval ${approval.id} first`);
    return options.describe(call.function.name, input);
  });
}

/** The sentence that ends a turn waiting for approval, and says what else was asked and not done. */
export function approvalSentence(approval: ApprovalView, dropped: string[] = []): string {
  const ask = `That needs your approval: ${approval.description}. To go ahead, say: ${approval.confirmPhrase}.`;
  if (dropped.length === 0) return ask;
  const named = dropped.length <= 3 ? `: ${dropped.join(', ')}` : `, such as ${dropped.slice(0, 3).join(', ')}`;
  const count = dropped.length === 1 ? 'the other request' : `the other ${dropped.length} requests`;
  return `${ask} I did not do ${count}${named}. Ask for them one at a time.`;
}

/** The answer when every tool call of a turn was refused or failed: nothing was done, whatever the model says. */
export function nothingDoneSentence(failures: string[]): string {
  const reasons = [...new Set(failures.map((failure) => lowerFirst(failure.replace(/[.\s]+$/, ''))))];
  const shown = reasons.slice(0, 2).join('; ');
  return `Nothing was done: ${shown}${reasons.length > 2 ? `; and ${reasons.length - 2} more` : ''}.`;
}

/** The sentence added when some calls of a turn ran or wait for approval, but these were refused or failed. */
export function notAllDoneSentence(failures: string[]): string {
  return nothingDoneSentence(failures).replace(/^Nothing was done: /, 'I did not do everything you asked: ');
}

/** "There is no tool" -> "there is no tool", but "DB_PASSWORD" and "I" stay as they are. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** What the model reads: tool output inside data markers, template tokens stripped. */
function toolMessage(outcome: Exclude<InvokeOutcome, { status: 'approval-required' }>): string {
  switch (outcome.status) {
    case 'ok':
      return wrapToolData(outcome.tool, stripChatTemplateTokens(outcome.output));
    case 'error':
      return wrapToolData(outcome.tool, stripChatTemplateTokens(`The tool failed: ${outcome.message}`));
    case 'refused':
      return `Refused by policy, nothing ran: ${stripChatTemplateTokens(outcome.message)}`;
  }
}

function resultText(outcome: Exclude<InvokeOutcome, { status: 'approval-required' }>): string {
  return outcome.status === 'ok' ? outcome.output : outcome.message;
}

async function invokeSafely(options: ToolStepOptions, tool: string, input: unknown): Promise<InvokeOutcome> {
  try {
    return await options.invoke(tool, input, options.signal);
  } catch (error) {
    if (options.signal.aborted) throw error;
    return { status: 'error', tool, message: describeError(error) };
  }
}

/** Ollama sends arguments as an object; some models send a JSON string instead. */
function normaliseArguments(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw ?? {};
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
