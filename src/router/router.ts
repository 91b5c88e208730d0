/**
 * The instant path: a deterministic match of an utterance against the templates, no LLM.
 * Anything not matched with confidence returns null and goes to the brain; a false match is worse
 * than a miss.
 */
import { compilePattern, type PatternNode } from './pattern.js';
import { matchPattern } from './pattern-matcher.js';
import { maxUtteranceTokens, normalizeUtterance } from './normalize.js';
import { createSlotResolver } from './slot-resolvers.js';
import { templates, wordClasses } from './templates.js';
import type { RouterMatch, RouterSlots, Template, Vocabulary } from './types.js';

export interface Router {
  match(text: string, vocabulary: Vocabulary): RouterMatch | null;
}

interface CompiledPattern {
  template: Template;
  pattern: string;
  nodes: PatternNode[];
}

/** Compiles every pattern once; a malformed pattern throws here, at start, naming the pattern. */
export function createRouter(): Router {
  const compiled: CompiledPattern[] = templates.flatMap((template) =>
    template.patterns.map((pattern) => ({ template, pattern, nodes: compilePattern(pattern, wordClasses) })),
  );
  return {
    match(text, vocabulary) {
      const tokens = normalizeUtterance(text);
      if (tokens.length === 0 || tokens.length > maxUtteranceTokens) return null;
      const resolve = createSlotResolver(vocabulary);
      for (const candidate of compiled) {
        const captures = matchPattern(candidate.nodes, tokens, resolve);
        if (!captures) continue;
        return {
          intent: candidate.template.intent,
          slots: toSlots(captures, candidate.template.fixedSlots),
          template: candidate.pattern,
          normalized: tokens.join(' '),
        };
      }
      return null;
    },
  };
}

function toSlots(captures: Partial<Record<string, string>>, fixed: RouterSlots | undefined): RouterSlots {
  const slots: RouterSlots = { ...fixed };
  const container = captures.container ?? captures['known-container'];
  if (container !== undefined) slots.container = container;
  if (captures.mount !== undefined) slots.mount = captures.mount;
  if (captures.host !== undefined) slots.host = captures.host;
  if (captures.fact !== undefined) slots.fact = captures.fact;
  if (captures.query !== undefined) slots.query = captures.query;
  return slots;
}
