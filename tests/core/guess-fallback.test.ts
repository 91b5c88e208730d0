/**
 * The safety rules of a guess, in the core's code after the router (src/core/guess-fallback.ts), on the
 * real router and the real tool registry's risk tiers, with a hand-written invoker that records calls:
 * a guess never answers an approval, and asks for a confirm-tier tool only when the target was said exactly.
 * And the held brain: a model that could not answer is told apart from one that answers.
 */
import { describe, expect, it } from 'vitest';
import type { BrainEvent } from '../../src/brain/brain-types.js';
import { answerGuess, failureLead, holdFailure } from '../../src/core/guess-fallback.js';
import type { InvokeOutcome } from '../../src/policy/outcome.js';
import type { RouterAnswer, RouterGuess } from '../../src/router/types.js';
import { createToolRegistry } from '../../src/toolkit/registry.js';
import { routerAreas, testRouter } from '../helpers/router-areas.js';
import { testVocabulary } from '../router/vocabulary.js';

const router = testRouter();
const areas = routerAreas();
const registry = createToolRegistry(areas.flatMap((area) => area.tools));
const riskOf = (tool: string) => registry.riskOf(tool);

function recordingInvoker() {
  const calls: string[] = [];
  const invoke = async (tool: string): Promise<InvokeOutcome> => {
    calls.push(tool);
    return {
      status: 'approval-required',
      tool,
      approval: {
        id: 'a1',
        tool,
        description: "restart container 'plex-server'",
        expiresAt: new Date(Date.now() + 60_000),
        confirmPhrase: 'yes, restart plex-server',
      },
    };
  };
  return { calls, invoke };
}

function guessOf(text: string): RouterGuess {
  const found = router.guess(text, testVocabulary);
  if (!found) throw new Error(`no guess for "${text}"`);
  return found;
}

const answerWith = (guess: RouterGuess) => (invoke: (tool: string, input: unknown) => Promise<InvokeOutcome>) =>
  router.answer(guess, invoke);

describe('what a guess may do', () => {
  it('does not ask to restart a container named loosely, and says to name it exactly', async () => {
    const guess = guessOf('can u bounce plex rn');
    expect(registry.riskOf('docker_restart')).toBe('confirm');
    const invoker = recordingInvoker();
    const answer = await answerGuess(guess, answerWith(guess), invoker.invoke, riskOf);
    expect(invoker.calls).toEqual([]);
    expect(answer).toEqual({
      kind: 'answer',
      text: 'I think you asked about restarting plex-server: To do that, say its exact name, plex-server.',
    });
  });

  it('asks for the approval when the container was said exactly, and runs nothing', async () => {
    const guess = guessOf('plex-server needs a restart');
    const invoker = recordingInvoker();
    const answer = await answerGuess(guess, answerWith(guess), invoker.invoke, riskOf);
    expect(invoker.calls).toEqual(['docker_restart']);
    expect(answer?.kind).toBe('approval');
    expect(answer?.text).toMatch(/^I think you asked about restarting plex-server: .*needs your approval/);
  });

  it('never answers an approval, even when the scorer or an answer says otherwise', async () => {
    const invoker = recordingInvoker();
    const base = guessOf('gimme the ram rn');
    for (const intent of ['confirm', 'deny']) {
      const forged: RouterGuess = { ...base, intent };
      expect(await answerGuess(forged, answerWith(forged), invoker.invoke, riskOf)).toBeNull();
    }
    const decision: RouterAnswer = { kind: 'approval-decision', decision: 'approve', spokenText: 'yes' };
    expect(await answerGuess(base, async () => decision, invoker.invoke, riskOf)).toBeNull();
    expect(invoker.calls).toEqual([]);
  });

  it('treats a tool the registry does not know as not safe', async () => {
    const guess = guessOf('gimme the ram rn');
    const invoker = recordingInvoker();
    const answer = await answerGuess(
      guess,
      (invoke) => invoke('mystery_tool', {}).then((outcome) => ({ kind: 'answer', text: outcome.status })),
      invoker.invoke,
      riskOf,
    );
    expect(invoker.calls).toEqual([]);
    expect(answer?.text).toBe('I think you asked about the memory: refused');
  });
});

async function collect(events: AsyncIterable<BrainEvent>): Promise<BrainEvent[]> {
  const seen: BrainEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

const scripted = (events: BrainEvent[]) => ({
  async *run() {
    yield* events;
  },
});

describe('the held brain', () => {
  it('swallows the one sentence of a model that could not answer, and keeps it for the guess', async () => {
    const sentence = "I can't reach the language model at http://127.0.0.1:9 right now.";
    const held = holdFailure(
      scripted([
        { type: 'text-delta', text: sentence },
        { type: 'done', text: sentence, source: 'error' },
      ]),
    );
    const events = await collect(held.run({ text: 'x', history: [], facts: [], contextNotes: '' }));
    expect(events).toEqual([{ type: 'done', text: '', source: 'error' }]);
    expect(held.failure()).toBe(sentence);
    expect(failureLead(sentence)).toBe("I can't reach the language model");
    expect(failureLead('The language model took too long to answer.')).toBe(
      'The language model took too long to answer',
    );
  });

  it('passes an answer through whole and in order, and one that broke off midway too', async () => {
    const answered: BrainEvent[] = [
      { type: 'text-delta', text: 'Memory is ' },
      { type: 'text-delta', text: 'fine.' },
      { type: 'done', text: 'Memory is fine.', source: 'brain' },
    ];
    const held = holdFailure(scripted(answered));
    expect(await collect(held.run({ text: 'x', history: [], facts: [], contextNotes: '' }))).toEqual(answered);
    expect(held.failure()).toBeUndefined();

    const broke: BrainEvent[] = [
      { type: 'text-delta', text: 'Memory is ' },
      { type: 'text-delta', text: 'The language model stopped answering midway.' },
      { type: 'done', text: 'Memory is The language model stopped answering midway.', source: 'error' },
    ];
    const brokeHeld = holdFailure(scripted(broke));
    expect(await collect(brokeHeld.run({ text: 'x', history: [], facts: [], contextNotes: '' }))).toEqual(broke);
    expect(brokeHeld.failure()).toBeUndefined();
  });
});
