import type { Message, ToolCall } from 'ollama';
import type { Logger } from '../log.js';
import type { OllamaToolSpec } from '../toolkit/registry.js';
import type { BrainEvent, BrainInvoke, BrainRequest, FetchFunction, OllamaSettings } from './brain-types.js';
import { streamChat } from './chat-stream.js';
import { createSpeech, speakableText, type Speech } from './model-text.js';
import { toBrainError, type TimeoutKind } from './ollama-errors.js';
import { buildMessages } from './prompt.js';
import { createSpeechGuard } from './speech-guard.js';
import { findTextToolCalls } from './text-tool-calls.js';
import { approvalSentence, notAllDoneSentence, nothingDoneSentence, runToolStep } from './tool-step.js';

export interface ToolLoopContext {
  settings: OllamaSettings;
  tools: OllamaToolSpec[];
  offeredNames: ReadonlySet<string>;
  invoke?: BrainInvoke;
  describe: (tool: string, input: unknown) => string;
  fetch: FetchFunction;
  log: Logger;
}

const unusableAnswer = "I didn't get a usable answer from the model.";

interface TurnState {
  context: ToolLoopContext;
  messages: Message[];
  speech: Speech;
  signal: AbortSignal;
  timedOut?: TimeoutKind;
  /** Ollama answered the current request with a stream (a reset after that is not "unreachable"). */
  streaming?: boolean;
  /** Tool calls of this turn that ran, and the sentences of those refused or failed. */
  calls: { succeeded: number; failures: string[] };
}

/**
 * One brain turn: stream the model's reply, run the tools it asks for, feed the results back, and
 * loop until it answers, asks for an approval, or uses up maxToolSteps.
 */
export async function* runToolLoop(context: ToolLoopContext, request: BrainRequest): AsyncGenerator<BrainEvent> {
  const { settings } = context;
  const deadline = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
  const state: TurnState = {
    context,
    messages: buildMessages(request),
    speech: createSpeech(),
    signal,
    calls: { succeeded: 0, failures: [] },
  };
  const timer = setTimeout(() => {
    state.timedOut ??= 'overall';
    deadline.abort(new Error('overall timeout'));
  }, settings.requestTimeoutMs);
  try {
    yield* loop(state, request.invoke ?? context.invoke ?? refuseAll, request.drop);
  } catch (error) {
    if (request.signal?.aborted && !state.timedOut) {
      yield { type: 'done', text: state.speech.text.trim(), source: 'brain', cancelled: true };
      return;
    }
    const timeoutMs = state.timedOut === 'first-token' ? settings.firstTokenTimeoutMs : settings.requestTimeoutMs;
    const failure = toBrainError(error, {
      host: settings.host,
      model: settings.model,
      timedOut: state.timedOut,
      timeoutMs,
      streaming: state.streaming,
    });
    context.log.warn('brain turn failed', { error: failure.message, code: failure.code });
    yield* say(state, failure.spoken);
    yield { type: 'done', text: state.speech.text.trim(), source: 'error', error: failure };
  } finally {
    clearTimeout(timer);
  }
}

async function* loop(state: TurnState, invoke: BrainInvoke, drop: BrainRequest['drop']): AsyncGenerator<BrainEvent> {
  const { settings, describe } = state.context;
  for (let step = 1; ; step++) {
    // After tool calls that all failed, the model's words are held back: it may say "Done." when nothing was.
    const nothingDoneYet = state.calls.failures.length > 0 && state.calls.succeeded === 0;
    const reply = yield* streamReply(state, nothingDoneYet);
    if (reply.calls.length === 0) {
      const unoffered = refuseUnoffered(reply.unoffered, drop);
      state.calls.failures.push(...unoffered);
      if (unoffered.length > 0 && state.calls.succeeded > 0) {
        yield* say(state, notAllDoneSentence(unoffered));
        yield { type: 'done', text: state.speech.text.trim(), source: 'brain' };
        return;
      }
      if (nothingDoneYet || unoffered.length > 0) {
        yield* say(state, nothingDoneSentence(state.calls.failures));
        // A question back ("Which container do you mean?") claims nothing, so it is still said.
        if (reply.held.trim().endsWith('?')) yield* say(state, reply.held.trim());
        yield { type: 'done', text: state.speech.text.trim(), source: 'brain' };
        return;
      }
      if (!reply.spoke) yield* say(state, unusableAnswer);
      yield { type: 'done', text: state.speech.text.trim(), source: reply.spoke ? 'brain' : 'error' };
      return;
    }
    state.messages.push({ role: 'assistant', content: reply.assistantContent, tool_calls: reply.calls });
    const result = yield* runToolStep({
      calls: reply.calls,
      step,
      invoke,
      describe,
      signal: state.signal,
      messages: state.messages,
      drop,
    });
    state.calls.succeeded += result.succeeded;
    state.calls.failures.push(...result.failures);
    const approval = result.approval;
    if (approval) {
      yield* say(state, approvalSentence(approval, result.dropped));
      // A call refused or failed before the one that waits (in this step or an earlier one) was not done either.
      if (state.calls.failures.length > 0) yield* say(state, notAllDoneSentence(state.calls.failures));
      yield { type: 'done', text: state.speech.text.trim(), source: 'approval' };
      return;
    }
    if (step >= settings.maxToolSteps) {
      state.context.log.warn('brain hit the tool step limit', { steps: step });
      yield* say(state, `I stopped after ${step} steps without a complete answer.`);
      yield { type: 'done', text: state.speech.text.trim(), source: 'brain' };
      return;
    }
  }
}

interface Reply {
  calls: ToolCall[];
  /** What goes back to the model as its own message: its text, or '' when it printed the call as text. */
  assistantContent: string;
  /** Whether this reply said anything a person can hear. */
  spoke: boolean;
  /** What the model said while its words were held back (hold = true), unspoken. */
  held: string;
  /** Calls it printed as text to tools it was not offered (unknown or blocked): never run. */
  unoffered: { name: string; arguments: Record<string, unknown> }[];
}

async function* streamReply(state: TurnState, hold = false): AsyncGenerator<BrainEvent, Reply> {
  const { context } = state;
  const guard = createSpeechGuard();
  const nativeCalls: ToolCall[] = [];
  let content = '';
  let spoke = false;
  let held = '';
  state.speech.startReply();
  state.streaming = false;
  const pieces = streamChat({
    settings: context.settings,
    messages: state.messages,
    tools: context.tools,
    fetch: context.fetch,
    signal: state.signal,
    onTimeout: (kind) => {
      state.timedOut ??= kind;
    },
    onStarted: () => {
      state.streaming = true;
    },
  });
  for await (const piece of pieces) {
    if (piece.kind === 'tool-calls') {
      nativeCalls.push(...piece.calls);
      continue;
    }
    content += piece.text;
    const safe = guard.push(piece.text);
    if (safe && hold) held += safe;
    else if (safe) {
      spoke = true;
      yield { type: 'text-delta', text: state.speech.add(safe) };
    }
  }
  // Call-shaped JSON is never spoken, even beside native calls; printed calls only count without them.
  const scan = findTextToolCalls(guard.finish(), context.offeredNames);
  const tail = speakableText(scan.rest);
  if (tail && hold) held += tail;
  else if (tail) {
    spoke = true;
    yield { type: 'text-delta', text: state.speech.add(tail) };
  }
  if (nativeCalls.length > 0) return { calls: nativeCalls, assistantContent: content, spoke, held, unoffered: [] };
  const textCalls = scan.calls.map((call) => ({ function: { name: call.name, arguments: call.arguments } }));
  if (textCalls.length > 0)
    context.log.info('model printed tool calls as text', { tools: textCalls.map((call) => call.function.name) });
  const unoffered = textCalls.length > 0 ? [] : (scan.unoffered ?? []);
  return { calls: textCalls, assistantContent: '', spoke, held, unoffered };
}

/** Records (audits) each printed call to a tool that was not offered, and returns a sentence for each. */
function refuseUnoffered(calls: Reply['unoffered'], drop: BrainRequest['drop']): string[] {
  return calls.map((call) => {
    drop?.(call.name, call.arguments, 'printed as text, and not a tool offered to the model');
    return `${call.name} is not a tool I can use.`;
  });
}

async function* say(state: TurnState, sentence: string): AsyncGenerator<BrainEvent> {
  state.speech.startReply();
  yield { type: 'text-delta', text: state.speech.add(sentence) };
}

const refuseAll: BrainInvoke = async (tool) => ({ status: 'refused', tool, message: 'No tool runner is connected.' });
