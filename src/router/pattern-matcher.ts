/**
 * Matches a compiled pattern against the whole token list (anchored at both ends), backtracking over
 * alternatives and slot lengths. Slots are checked while matching, so "restart the plex container" can
 * try "the plex container", then "plex", until a split fits. Slot lengths are bounded, which bounds the work.
 */
import type { PatternNode } from './pattern.js';

/** What may fill the slots of a pattern (the lexicon's slots with the turn's vocabulary). */
export interface SlotResolver {
  /** The slot's value for these words, or null when they cannot fill it. */
  resolve(slot: string, words: string[]): string | null;
  /** The most words the slot may take: bounds the work. */
  maxWords(slot: string): number;
}

/** Slot values by the slot name the pattern wrote ("known-container"). */
export type Captures = Partial<Record<string, string>>;

type Continuation = (position: number, captures: Captures) => Captures | null;

interface MatchContext {
  tokens: string[];
  resolve: SlotResolver;
}

function matchList(
  context: MatchContext,
  list: PatternNode[],
  index: number,
  position: number,
  captures: Captures,
  next: Continuation,
): Captures | null {
  if (index === list.length) return next(position, captures);
  const node = list[index]!;
  const rest: Continuation = (after, captured) => matchList(context, list, index + 1, after, captured, next);
  if (node.kind === 'word') {
    return context.tokens[position] === node.word ? rest(position + 1, captures) : null;
  }
  if (node.kind === 'choice') {
    for (const option of node.options) {
      const found = matchList(context, option, 0, position, captures, rest);
      if (found) return found;
    }
    return node.optional ? rest(position, captures) : null;
  }
  const longest = Math.min(context.resolve.maxWords(node.slot), context.tokens.length - position);
  for (let length = 1; length <= longest; length += 1) {
    const value = context.resolve.resolve(node.slot, context.tokens.slice(position, position + length));
    if (value === null) continue;
    const found = rest(position + length, { ...captures, [node.slot]: value });
    if (found) return found;
  }
  return null;
}

/** The slot values when the pattern covers every token, else null. */
export function matchPattern(nodes: PatternNode[], tokens: string[], resolve: SlotResolver): Captures | null {
  const context: MatchContext = { tokens, resolve };
  return matchList(context, nodes, 0, 0, {}, (position, captures) => (position === tokens.length ? captures : null));
}
