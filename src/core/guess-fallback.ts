/**
 * The core's side of the router's second tier (src/router/guess.ts). A confident guess is answered at
 * once and says what was understood ("I think you asked about the disk: ..."); a guess under the
 * threshold is kept for when the language model cannot answer (down, too slow, failing) or the person
 * is rate-limited ("I can't reach the language model; if you meant the memory: ...").
 * The safety rules live here, after the router, whatever the scorer returns: a guess never answers an
 * approval, and it may ask for a tool that is not safe (which only ever creates an approval) only when
 * its target was said exactly as the vocabulary spells it. See docs/decisions/018-router-second-tier.md.
 */
import type { Brain, BrainEvent } from '../brain/brain-types.js';
import type { InvokeOutcome } from '../policy/outcome.js';
import { neverGuessed } from '../router/guess-profile.js';
import type { RouterAnswer, RouterGuess } from '../router/types.js';
import type { Risk } from '../toolkit/tool.js';

type Invoke = (tool: string, input: unknown) => Promise<InvokeOutcome>;

/** The sentence a guess answer starts with: what was understood, and why it was guessed. */
export function guessText(guess: RouterGuess, answerText: string, lead?: string): string {
  return lead
    ? `${lead}; if you meant ${guess.topic}: ${answerText}`
    : `I think you asked about ${guess.topic}: ${answerText}`;
}

/** "I can't reach the language model at http://... right now." -> "I can't reach the language model". */
export function failureLead(sentence: string): string {
  if (/^I can.t reach the language model\b/.test(sentence)) return "I can't reach the language model";
  return sentence.trim().replace(/[.!?]+$/, '');
}

/**
 * The tools a guess may call: safe ones; anything else (confirm: it asks for an approval) only when the
 * target was said exactly. A tool the registry does not know counts as not safe.
 */
export function guessInvoke(invoke: Invoke, guess: RouterGuess, riskOf: (tool: string) => Risk | undefined): Invoke {
  return async (tool, input) => {
    if ((riskOf(tool) ?? 'confirm') === 'safe' || guess.target?.exact === true) return invoke(tool, input);
    const message = guess.target
      ? `To do that, say its exact name, ${guess.target.value}.`
      : 'To do that, ask for it in so many words.';
    return { status: 'refused', tool, message };
  };
}

/** The answer to a guess, worded as a guess, or null when a guess may not answer this (the turn goes on as if unguessed). */
export async function answerGuess(
  guess: RouterGuess,
  answer: (invoke: Invoke) => Promise<RouterAnswer>,
  invoke: Invoke,
  riskOf: (tool: string) => Risk | undefined,
  lead?: string,
): Promise<Exclude<RouterAnswer, { kind: 'approval-decision' }> | null> {
  if (neverGuessed.has(guess.intent)) return null;
  const answered = await answer(guessInvoke(invoke, guess, riskOf));
  // Never from a guess: an approval is answered by the whole utterance only.
  if (answered.kind === 'approval-decision') return null;
  return { ...answered, text: guessText(guess, answered.text, lead) };
}

export interface HeldBrain extends Pick<Brain, 'run'> {
  /** The model's failure sentence when it said nothing else (down, too slow, an error, nothing usable). */
  failure(): string | undefined;
}

/**
 * The brain, with its first words held back until the next event shows they are not a failure
 * sentence: a model that cannot answer says exactly one sentence and ends with source 'error'. That
 * sentence is swallowed (the done event then has no text) so the core can say the guess instead.
 */
export function holdFailure(brain: Pick<Brain, 'run'>): HeldBrain {
  let failed: string | undefined;
  return {
    failure: () => failed,
    async *run(request) {
      const held: BrainEvent[] = [];
      let passing = false;
      for await (const event of brain.run(request)) {
        if (passing) {
          yield event;
          continue;
        }
        if (event.type === 'text-delta' && held.length === 0) {
          held.push(event);
          continue;
        }
        const said = held.map((delta) => (delta.type === 'text-delta' ? delta.text : '')).join('');
        if (
          event.type === 'done' &&
          event.source === 'error' &&
          !event.cancelled &&
          said.trim() === event.text.trim()
        ) {
          failed = event.text.trim();
          yield { type: 'done', text: '', source: 'error' };
          return;
        }
        passing = true;
        yield* held.splice(0);
        yield event;
      }
      yield* held;
    },
  };
}
