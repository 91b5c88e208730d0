/**
 * The instant path: a deterministic match of an utterance against the templates of the core and of
 * every registered tool area, no LLM, and the area's answer for the match. Anything not matched with
 * confidence returns null and goes to the brain; a false match is worse than a miss.
 */
import { ConfigError } from '../errors.js';
import type { InvokeOutcome } from '../policy/outcome.js';
import { answer } from './answer-kit.js';
import type { AnswerContext, AreaSlot, IntentHandler, StatusPart, ToolArea } from './area.js';
import { createGuesser } from './guess.js';
import { helpAnswer } from './help-answer.js';
import { createLexicon, type Lexicon } from './lexicon.js';
import { matchPattern, type SlotResolver } from './pattern-matcher.js';
import { maxUtteranceTokens, normalizeUtterance } from './normalize.js';
import type { RouterAnswer, RouterGuess, RouterMatch, RouterSlots, Vocabulary } from './types.js';

export type Invoke = (tool: string, input: unknown) => Promise<InvokeOutcome>;

export interface Router {
  /** Everything the router and the recogniser's grammar are built from (see grammar.ts). */
  readonly lexicon: Lexicon;
  match(text: string, vocabulary: Vocabulary): RouterMatch | null;
  /** The second tier, for what no template matched: the best keyword reading, or null (guess.ts). */
  guess(text: string, vocabulary: Vocabulary): RouterGuess | null;
  /** The spoken answer, the approval to surface, or the approval decision for the core to apply. */
  answer(match: RouterMatch, invoke: Invoke): Promise<RouterAnswer>;
  /** Every area slot's names right now; never throws (a provider that fails gives no names). */
  vocabulary(): Promise<Vocabulary>;
}

export interface RouterOptions {
  /** The registered tool areas, in the order their templates are tried (src/app/areas.ts). */
  areas: readonly ToolArea[];
}

interface Answerer {
  /** The area that answers, or undefined for the core's own intents. */
  area?: ToolArea;
  handle: IntentHandler;
}

/** The core's own answers: yes and no are decided by the core (the pending approval), help lists every area. */
function coreAnswers(lexicon: Lexicon): Record<string, IntentHandler> {
  return {
    confirm: async ({ match }) => ({
      kind: 'approval-decision',
      decision: 'approve',
      spokenText: match.normalized,
      ...(match.slots.container ? { names: { target: match.slots.container, action: match.slots.action } } : {}),
    }),
    deny: async ({ match }) => ({ kind: 'approval-decision', decision: 'deny', spokenText: match.normalized }),
    help: async () => answer(helpAnswer(lexicon.templates)),
  };
}

function answerers(lexicon: Lexicon, areas: readonly ToolArea[]): Map<string, Answerer> {
  const byIntent = new Map<string, Answerer>(
    Object.entries(coreAnswers(lexicon)).map(([intent, handle]) => [intent, { handle }]),
  );
  for (const area of areas) {
    for (const [intent, handle] of Object.entries(area.answers)) {
      const owner = byIntent.get(intent);
      if (owner)
        throw new ConfigError(
          `tool area '${area.name}' answers intent '${intent}', which ${owner.area ? `area '${owner.area.name}'` : 'the core'} already answers`,
        );
      byIntent.set(intent, { area, handle });
    }
  }
  for (const template of lexicon.templates) {
    if (!byIntent.has(template.intent))
      throw new ConfigError(`router template for intent '${template.intent}' has no answer in any tool area`);
  }
  return byIntent;
}

async function namesOf(slot: AreaSlot): Promise<string[]> {
  try {
    const values = await slot.values();
    return values.filter((value) => typeof value === 'string' && value.length > 0);
  } catch {
    return [];
  }
}

/** Compiles every pattern once; a malformed pattern or a clash between areas throws here, at start. */
export function createRouter(options: RouterOptions): Router {
  const lexicon = createLexicon(options.areas);
  const byIntent = answerers(lexicon, options.areas);
  const guesser = createGuesser(lexicon, options.areas);

  function contextFor(match: RouterMatch, invoke: Invoke, asking: ToolArea | undefined): AnswerContext {
    const host = match.slots.host;
    const base = {
      match,
      invoke: (tool: string, input: Readonly<Record<string, unknown>>) =>
        invoke(tool, host === undefined ? input : { ...input, host }),
    };
    const statusParts = async (): Promise<StatusPart[]> => {
      const partContext: AnswerContext = { ...base, statusParts: async () => [] };
      const others = options.areas.filter((area) => area !== asking && area.status !== undefined);
      const settled = await Promise.allSettled(others.map((area) => area.status!(partContext)));
      return settled.flatMap((result) =>
        result.status === 'fulfilled' && result.value !== null ? [result.value] : [],
      );
    };
    return { ...base, statusParts };
  }

  return {
    lexicon,
    match(text, vocabulary) {
      const tokens = normalizeUtterance(text);
      if (tokens.length === 0 || tokens.length > maxUtteranceTokens) return null;
      const resolver: SlotResolver = {
        resolve: (slot, words) => lexicon.slots.get(slot)?.resolve(words, vocabulary) ?? null,
        maxWords: (slot) => lexicon.slots.get(slot)?.maxWords ?? 1,
      };
      for (const candidate of lexicon.compiled) {
        if (candidate.first !== null && !candidate.first.has(tokens[0]!)) continue;
        const captures = matchPattern(candidate.nodes, tokens, resolver);
        if (!captures) continue;
        return {
          intent: candidate.template.intent,
          slots: toSlots(lexicon, captures, candidate.template.fixedSlots),
          template: candidate.pattern,
          normalized: tokens.join(' '),
          said: text,
        };
      }
      return null;
    },
    guess: (text, vocabulary) => guesser.guess(text, vocabulary),
    answer(match, invoke) {
      const answerer = byIntent.get(match.intent);
      if (!answerer) throw new Error(`no tool area answers intent '${match.intent}'`);
      return answerer.handle(contextFor(match, invoke, answerer.area));
    },
    async vocabulary() {
      const entries = await Promise.all(
        lexicon.namedSlots.map(async (slot) => [slot.name, await namesOf(slot)] as const),
      );
      return Object.fromEntries(entries);
    },
  };
}

/** The captures under the slot each fills ({known-container} -> container), over the template's fixed slots. */
function toSlots(
  lexicon: Lexicon,
  captures: Partial<Record<string, string>>,
  fixed: RouterSlots | undefined,
): RouterSlots {
  const slots: RouterSlots = { ...fixed };
  for (const [name, value] of Object.entries(captures)) {
    if (value !== undefined) slots[lexicon.slots.get(name)?.fills ?? name] = value;
  }
  return slots;
}
