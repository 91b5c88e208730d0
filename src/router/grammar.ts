/**
 * Turns the templates into a JSGF grammar for pocketsphinx's grammar mode, with the current container,
 * host and mount names as spoken words. Generated from the compiled patterns, so it accepts exactly what
 * the router would match (classes are expanded inline). Free-text slots ({fact}, {query}) cannot be a
 * grammar: a pattern that needs one is left out, an optional one is dropped. Words the recogniser's
 * dictionary lacks (`isKnownWord`) are pruned the same way and reported, so the grammar always loads.
 */
import { compilePattern, type PatternNode } from './pattern.js';
import { templates as defaultTemplates, wordClasses } from './templates.js';
import type { Template, Vocabulary } from './types.js';

export interface GrammarOptions {
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

const digitWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "plex-server" -> "plex server", "web2" -> "web two", "/mnt/tank" -> "slash mnt slash tank". */
export function spokenWords(name: string): string {
  return name
    .toLowerCase()
    .replace(/\//g, ' slash ')
    .replace(/\d/g, (digit) => ` ${digitWords[Number(digit)]} `)
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface EmitContext {
  isKnownWord: (word: string) => boolean;
  skipped: Set<string>;
  slotRules: Record<'container' | 'mount' | 'host', boolean>;
}

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
    const rule = node.slot === 'known-container' ? 'container' : node.slot;
    if (rule === 'fact' || rule === 'query') return null;
    return context.slotRules[rule] ? `<slot_${rule}>` : null;
  }
  const options = node.options.map((option) => emitSequence(option, context)).filter((option): option is string => option !== null);
  const spoken = [...new Set(options.filter((option) => option.length > 0))];
  const canBeEmpty = node.optional || options.some((option) => option.length === 0);
  if (spoken.length === 0) return canBeEmpty ? '' : null;
  return canBeEmpty ? `[${spoken.join(' | ')}]` : `(${spoken.join(' | ')})`;
}

function wordList(phrases: string[], context: EmitContext): string[] {
  const usable = phrases.filter((phrase) => {
    const unknown = phrase.split(' ').filter((word) => word.length > 0 && !context.isKnownWord(word));
    unknown.forEach((word) => context.skipped.add(word));
    return phrase.length > 0 && unknown.length === 0;
  });
  return [...new Set(usable)];
}

function slotPhrases(vocabulary: Vocabulary): Record<'container' | 'mount' | 'host', string[]> {
  const firstPart = (name: string) => {
    const first = name.split(/[-_.]/)[0] ?? '';
    return first.length >= 2 && first !== name ? [spokenWords(first)] : [];
  };
  return {
    container: vocabulary.containers.flatMap((name) => [spokenWords(name), ...firstPart(name)]),
    host: vocabulary.hosts.map(spokenWords),
    mount: vocabulary.mounts.flatMap((mount) => (mount === '/' ? ['root'] : [spokenWords(mount), spokenWords(mount.split('/').pop() ?? '')])),
  };
}

/** The JSGF grammar for pocketsphinx, built from the same templates the router matches with. */
export function buildJsgf(vocabulary: Vocabulary, options: GrammarOptions = {}): Grammar {
  const templates = options.templates ?? defaultTemplates;
  const classes = { ...wordClasses, det: spokenDeterminers };
  const context: EmitContext = {
    isKnownWord: options.isKnownWord ?? (() => true),
    skipped: new Set(),
    slotRules: { container: false, mount: false, host: false },
  };
  const slots = Object.entries(slotPhrases(vocabulary)).map(([slot, phrases]) => [slot, wordList(phrases, context)] as const);
  for (const [slot, words] of slots) context.slotRules[slot as keyof EmitContext['slotRules']] = words.length > 0;
  const patterns = templates.flatMap((template) => template.patterns)
    .map((pattern) => emitSequence(compilePattern(pattern, classes), context))
    .filter((pattern): pattern is string => pattern !== null && pattern.length > 0);
  const lines = [
    '#JSGF V1.0;', 'grammar sysvox;', '',
    `public <command> = [hey jarvis | jarvis] <utterance> [please];`,
    `<utterance> = ${[...new Set(patterns)].map((pattern) => `(${pattern})`).join(' | ')};`,
    ...slots.filter(([, words]) => words.length > 0).map(([slot, words]) => `<slot_${slot}> = (${words.join(' | ')});`),
  ];
  return { text: `${lines.join('\n')}\n`, skippedWords: [...context.skipped].sort() };
}
