import { randomUUID } from 'node:crypto';
import { apology, describeError, SysvoxError } from '../errors.js';
import type { ApprovalResolution } from '../policy/approval-resolution.js';
import type { Caller } from '../policy/outcome.js';
import { systemPerson } from '../policy/system-caller.js';
import { wrapToolData } from '../toolkit/data-markers.js';
import { streamBrain } from './brain-stream.js';
import { answerGuess, failureLead, holdFailure } from './guess-fallback.js';
import type { RouterAnswer, RouterGuess } from '../router/types.js';
import type { CoreOptions } from './ports.js';
import type { PersonRef, TurnEvent } from '../types.js';
import type { ApprovalAnswer, Core, Turn } from './turn.js';

/** A turn's text beyond this is refused whole: a pasted log file is not a question. */
const defaultMaxTurnChars = 4000;

/**
 * The turn loop every channel shares: router first (instant, no LLM), then the brain.
 * Policy is enforced by the runner underneath both; the core only routes and records.
 */
export function createCore(deps: CoreOptions): Core {
  const now = deps.now ?? (() => performance.now());
  const log = deps.log.child('core');
  const maxTurnChars = deps.maxTurnChars ?? defaultMaxTurnChars;

  function callerFor(person: PersonRef, channel: string, modality: Caller['modality'] = 'text'): Caller {
    return { personId: deps.memory.resolvePerson(person).id, channel, externalId: person.externalId, modality };
  }

  function decide(
    caller: Caller,
    answer: Pick<ApprovalAnswer, 'approvalId' | 'decision' | 'spokenText' | 'names'>,
  ): Promise<ApprovalResolution> {
    return deps.runner.resolveApproval({
      decision: answer.decision,
      by: caller,
      approvalId: answer.approvalId,
      spokenText: answer.spokenText,
      names: answer.names,
    });
  }

  async function* handle(turn: Turn): AsyncGenerator<TurnEvent> {
    const turnId = randomUUID();
    const started = now();
    const caller = callerFor(turn.person, turn.channel, turn.modality);
    const conversationId = deps.memory.openConversation(turn.channel, turn.conversation, caller.personId);
    const history = deps.memory.recentMessages(conversationId, deps.historyMessages);
    const tooLong = turn.text.length > maxTurnChars;
    deps.memory.addMessage(
      conversationId,
      'user',
      tooLong ? `${turn.text.slice(0, maxTurnChars)} [cut: ${turn.text.length} characters]` : turn.text,
    );
    let reply = '';
    let quotesTools = false;
    let stage = 'router';
    try {
      const events = tooLong ? refuseLongTurn(turn.text.length) : routeTurn(turn, caller, history);
      for await (const event of events) {
        if (event.type === 'thinking' && event.stage === 'brain') stage = 'brain';
        if (event.type === 'done') {
          reply = event.text;
          quotesTools = event.source === 'router' || event.source === 'guess' || event.source === 'approval';
        }
        yield event;
      }
    } catch (error) {
      log.error('turn failed', { error: describeError(error), channel: turn.channel });
      reply = error instanceof SysvoxError ? error.spoken : apology;
      yield { type: 'sentence', text: reply };
      yield { type: 'done', text: reply, source: 'error' };
    } finally {
      // A router answer can quote tool output (a log line): it goes back to the model as data, never as words it said.
      if (reply)
        deps.memory.addMessage(conversationId, 'assistant', quotesTools ? wrapToolData('sysvox_answer', reply) : reply);
      deps.memory.recordTiming({ turnId, channel: turn.channel, stage, ms: now() - started });
    }
  }

  async function* refuseLongTurn(length: number): AsyncGenerator<TurnEvent> {
    const text = `That message is too long for me: ${length} characters, and I take at most ${maxTurnChars}. Please shorten it.`;
    yield { type: 'sentence', text };
    yield { type: 'done', text, source: 'policy' };
  }

  async function* routeTurn(
    turn: Turn,
    caller: Caller,
    history: { role: 'user' | 'assistant'; content: string }[],
  ): AsyncGenerator<TurnEvent> {
    const vocabulary = await deps.vocabulary();
    const match = deps.router.match(turn.text, vocabulary);
    if (match) {
      const answer = await deps.router.answer(match, routerInvoke(caller, turn.signal));
      yield* renderRouterAnswer(answer, caller);
      return;
    }
    const guess = deps.router.guess?.(turn.text, vocabulary) ?? null;
    if (guess?.tier === 'guess-confident' && (yield* sayGuess(guess, caller, turn.signal))) return;
    const allowed = deps.rateLimiter.take(`${caller.personId}`);
    if (!allowed.ok) {
      deps.memory.audit({
        kind: 'rate-limited',
        personId: caller.personId,
        channel: caller.channel,
        detail: 'brain turn refused',
        outcome: 'refused',
      });
      const text = `Slow down a little: I can take another open question in ${allowed.retryAfterSeconds} seconds.`;
      if (guess && (yield* sayGuess(guess, caller, turn.signal, failureLead(text)))) return;
      yield { type: 'sentence', text };
      yield { type: 'done', text, source: 'rate-limit' };
      return;
    }
    yield { type: 'thinking', stage: 'brain' };
    const brain = guess ? holdFailure(deps.brain) : undefined;
    for await (const event of streamBrain(brain ?? deps.brain, {
      text: turn.text,
      history,
      facts: deps.memory.facts(),
      contextNotes: await deps.contextNotes(turn.text),
      invoke: (tool, input, signal) =>
        deps.runner.invoke({ tool, input, caller, source: 'brain', signal: signal ?? turn.signal }),
      drop: (tool, input, reason) => deps.runner.drop({ tool, input, caller, source: 'brain' }, reason),
      signal: turn.signal,
    })) {
      const failure = brain?.failure();
      if (event.type === 'done' && guess && failure !== undefined) {
        // The model could not answer: the guess under the threshold, said as one, or the model's own sentence.
        if (yield* sayGuess(guess, caller, turn.signal, failureLead(failure))) return;
        yield { type: 'sentence', text: failure };
        yield { type: 'done', text: failure, source: 'error' };
        return;
      }
      yield event;
    }
  }

  function routerInvoke(caller: Caller, signal: AbortSignal | undefined) {
    return (tool: string, input: unknown) => deps.runner.invoke({ tool, input, caller, source: 'router', signal });
  }

  /** Says the guess (worded as one, after `lead` when the model could not answer); false when a guess may not answer. */
  async function* sayGuess(
    guess: RouterGuess,
    caller: Caller,
    signal: AbortSignal | undefined,
    lead?: string,
  ): AsyncGenerator<TurnEvent, boolean> {
    const answer = await answerGuess(
      guess,
      (guarded) => deps.router.answer(guess, guarded),
      routerInvoke(caller, signal),
      deps.toolRisk,
      lead,
    );
    log.info('router guess', {
      intent: guess.intent,
      tier: guess.tier,
      confidence: guess.confidence,
      used: answer !== null,
      lead: lead ?? null,
    });
    if (!answer) return false;
    yield* renderRouterAnswer(answer, caller, 'guess');
    return true;
  }

  async function* renderRouterAnswer(
    answer: RouterAnswer,
    caller: Caller,
    source: 'router' | 'guess' = 'router',
  ): AsyncGenerator<TurnEvent> {
    if (answer.kind === 'approval-decision') {
      const resolution = await decide(caller, answer);
      const text = resolution.message;
      if (resolution.status === 'executed') {
        const outcome = resolution.outcome;
        const output =
          outcome.status === 'ok'
            ? outcome.output
            : outcome.status === 'approval-required'
              ? outcome.approval.description
              : outcome.message;
        yield {
          type: 'tool-result',
          callId: resolution.approval.id,
          tool: resolution.approval.tool,
          ok: outcome.status === 'ok',
          output,
        };
      }
      yield { type: 'sentence', text };
      yield { type: 'done', text, source: 'approval' };
      return;
    }
    if (answer.kind === 'approval') {
      yield { type: 'approval-request', approval: answer.approval };
    }
    yield { type: 'sentence', text: answer.text };
    yield { type: 'done', text: answer.text, source };
  }

  return {
    handle,
    resolveApproval: (answer) => decide(callerFor(answer.person, answer.channel, answer.modality), answer),
    requestAction: (request) =>
      deps.runner.invoke({
        tool: request.tool,
        input: request.input,
        caller: callerFor(systemPerson, systemPerson.channel),
        source: 'system',
        reason: request.reason,
        signal: request.signal,
      }),
  };
}
