/**
 * Turns the lexicon (the core's and every area's templates) into a JSGF grammar for pocketsphinx's
 * grammar mode, with the turn's slot names (containers, mounts, hosts ...) as spoken words. Generated
 * from the same patterns the router matches, so it accepts exactly what the router would match (classes
 * are expanded inline). Free-text slots ({fact}, {query}) cannot be a grammar: a pattern that needs one
 * is left out, an optional one is dropped. Words the recogniser's dictionary lacks (`isKnownWord`) are
 * pruned the same way and reported, so the grammar always loads.
 */
import { spokenNames, type Lexicon } from './lexicon.js';
import { compilePattern, type PatternNode } from './pattern.js';
import { spokenWords } from './spoken-words.js';
import type { Template, Vocabulary } from './types.js';

export { spokenWords };

export interface GrammarOptions {
  /** Default: the lexicon's templates. */
  templates?: readonly Template[];
  /** Whether the recogniser can say this word (e.g. it is in cmudict-en-us.dict); default: every word. */
  isKnownWord?: (word: string) => boolean;
}

export interface Grammar {
  /** The JSGF text: one public rule <command>. */
  text: string;
  /** Words left out because the dictionary lacks them, sorted. */
  skippedWords: string[];
}

/**
 * The determiner class, narrowed for the recogniser only (the router still matches the full class):
 * with "our | this | a" in the grammar, pocketsphinx inserts them into espeak-ng's commands ("restart
 * plex server" -> "restart our web", "what is the cpu usage" -> "what is our cpu usage"); measured on
 * 15 voice/speed combinations, "what is the cpu usage" went from 12/15 to 15/15 exactly right.
 */
const spokenDeterminers = 'the | my';

/**
 * The yes words and what may follow a yes, narrowed for the recogniser: typed, "ya", "sure thing" and
 * "yes please do it" are fine, but every short way of agreeing in the grammar is a path noise and
 * out-of-grammar speech get forced into (measured: "play some music" was heard as "ya do it").
 */
const spokenYes = 'yes | yeah | yep | sure | confirm | do it | go ahead';
const spokenAgreement = 'please';

interface EmitContext {
  lexicon: Lexicon;
  isKnownWord: (word: string) => boolean;
  skipped: Set<string>;
  /** The JSGF rule of each slot that has sayable names ('container' -> 'slot_container'). */
  slotRules: Map<string, string>;
}

/** A JSGF rule name for a slot: letters, digits and underscores only. */
const ruleName = (slot: string) => `slot_${slot.replace(/[^a-z0-9]+/g, '_')}`;

/** JSGF for a node sequence: '' when it can be empty, null when it cannot be said at all. */
function emitSequence(nodes: PatternNode[], context: EmitContext): string | null {
  const parts: string[] = [];
  for (const node of nodes) {
    const part = emitNode(node, context);
    if (part === null) return null;
    if (part.length > 0) parts.push(part);
  }
  return parts.join(' ');
}

function emitNode(node: PatternNode, context: EmitContext): string | null {
  if (node.kind === 'word') {
    if (/^\d+$/.test(node.word)) return spokenWords(node.word);
    if (context.isKnownWord(node.word)) return node.word;
    context.skipped.add(node.word);
    return null;
  }
  if (node.kind === 'slot') {
    const slot = context.lexicon.slots.get(node.slot);
    if (!slot || slot.freeText) return null;
    const rule = context.slotRules.get(slot.fills);
    return rule ? `<${rule}>` : null;
  }
  const options = node.options
    .map((option) => emitSequence(option, context))
    .filter((option): option is string => option !== null);
  const spoken = [...new Set(options.filter((option) => option.length > 0))];
  const canBeEmpty = node.optional || options.some((option) => option.length === 0);
  if (spoken.length === 0) return canBeEmpty ? '' : null;
  return canBeEmpty ? `[${spoken.join(' | ')}]` : `(${spoken.join(' | ')})`;
}

function wordList(phrases: readonly string[], context: EmitContext): string[] {
  const usable = phrases.filter((phrase) => {
    const unknown = phrase.split(' ').filter((word) => word.length > 0 && !context.isKnownWord(word));
    unknown.forEach((word) => context.skipped.add(word));
    return phrase.length > 0 && unknown.length === 0;
  });
  return [...new Set(usable)];
}

/** The word classes as the recogniser's grammar expands them: the lexicon's, with the narrowed ones above. */
export function spokenClasses(lexicon: Lexicon): Readonly<Record<string, string>> {
  return {
    ...lexicon.wordClasses,
    det: spokenDeterminers,
    my: spokenDeterminers,
    yes: spokenYes,
    agree: spokenAgreement,
  };
}

/** The JSGF grammar for pocketsphinx, built from the same templates the router matches with. */
export function buildJsgf(lexicon: Lexicon, vocabulary: Vocabulary, options: GrammarOptions = {}): Grammar {
  const templates = options.templates ?? lexicon.templates;
  const classes = spokenClasses(lexicon);
  const context: EmitContext = {
    lexicon,
    isKnownWord: options.isKnownWord ?? (() => true),
    skipped: new Set(),
    slotRules: new Map(),
  };
  const slots = lexicon.namedSlots.map((slot) => {
    const names = (vocabulary[slot.name] ?? []).flatMap((value) => spokenNames(slot, value));
    return { rule: ruleName(slot.name), slot: slot.name, words: wordList(names, context) };
  });
  for (const { rule, slot, words } of slots) if (words.length > 0) context.slotRules.set(slot, rule);
  const slotNames = new Set(lexicon.slots.keys());
  const patterns = templates
    .flatMap((template) => template.spoken ?? template.patterns)
    .map((pattern) => emitSequence(compilePattern(pattern, classes, slotNames), context))
    .filter((pattern): pattern is string => pattern !== null && pattern.length > 0);
  const lines = [
    '#JSGF V1.0;',
    'grammar sysvox;',
    '',
    `public <command> = [hey jarvis] <utterance> [please];`,
    `<utterance> = ${[...new Set(patterns)].map((pattern) => `(${pattern})`).join(' | ')};`,
    ...slots.filter(({ words }) => words.length > 0).map(({ rule, words }) => `<${rule}> = (${words.join(' | ')});`),
  ];
  return { text: `${lines.join('\n')}\n`, skippedWords: [...context.skipped].sort() };
}
