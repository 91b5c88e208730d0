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
}

/**
 * Runs the calls of one model message in order through the policy runner. Results go back to the
 * model as role 'tool' messages; a refusal or a failure is a result the model can read. Returns the
 * approval that stopped the loop, if a call needs one.
 */
export async function* runToolStep(options: ToolStepOptions): AsyncGenerator<BrainEvent, ApprovalView | undefined> {
  for (const [index, call] of options.calls.entries()) {
    const tool = call.function.name;
    const input = normaliseArguments(call.function.arguments);
    const callId = `call-${options.step}-${index + 1}`;
    yield { type: 'tool-call', callId, tool, input, description: options.describe(tool, input) };
    const outcome = await invokeSafely(options, tool, input);
    if (outcome.status === 'approval-required') {
      yield { type: 'approval-request', approval: outcome.approval };
      return outcome.approval;
    }
    yield { type: 'tool-result', callId, tool, ok: outcome.status === 'ok', output: resultText(outcome) };
    options.messages.push({ role: 'tool', content: toolMessage(outcome), tool_name: tool });
  }
  return undefined;
}

/** The sentence that ends a turn waiting for approval. */
export function approvalSentence(approval: ApprovalView): string {
  return `That needs your approval: ${approval.description}. To go ahead, say: ${approval.confirmPhrase}.`;
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
