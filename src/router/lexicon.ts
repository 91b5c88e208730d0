/**
 * Every registered area's words put together with the core's: the templates in the order they are
 * tried (core first, then each area in registration order), the word classes and the slots. The router
 * matches against it and the pocketsphinx grammar is built from it, so both always know the same words.
 * A clash (two areas defining one class or slot) or a malformed pattern throws here, at start.
 */
import { ConfigError } from '../errors.js';
import type { AreaSlot, SlotResolve, ToolArea } from './area.js';
import { coreTemplates, coreWordClasses } from './core-words.js';
import { compilePattern, firstWords, freeTextSlots, type PatternNode } from './pattern.js';
import { spokenWords } from './spoken-words.js';
import { resolveFreeText } from './slot-resolvers.js';
import type { Template, Vocabulary } from './types.js';

/** A slot as a pattern writes it ({known-container}), with what it fills and how. */
export interface LexiconSlot {
  /** The match slot it fills and the vocabulary it reads: 'container' for {container} and {known-container}. */
  fills: string;
  maxWords: number;
  /** The core's free text ({fact}, {query}): no names, so the recogniser's grammar cannot say it. */
  freeText: boolean;
  resolve(words: readonly string[], vocabulary: Vocabulary): string | null;
}

export interface CompiledPattern {
  template: Template;
  pattern: string;
  nodes: PatternNode[];
  /** The words a match can start with; null when it may start with a slot. */
  first: ReadonlySet<string> | null;
}

export interface Lexicon {
  /** Core templates, then each area's, in the order the router tries them. */
  readonly templates: readonly Template[];
  readonly wordClasses: Readonly<Record<string, string>>;
  /** Every slot name a pattern may write. */
  readonly slots: ReadonlyMap<string, LexiconSlot>;
  /** The slots that hold names, in area order: the vocabulary's keys and the grammar's slot rules. */
  readonly namedSlots: readonly AreaSlot[];
  /** Every pattern, compiled once. */
  readonly compiled: readonly CompiledPattern[];
}

const slotName = /^[a-z]+(-[a-z]+)*$/;
const defaultMaxWords = 5;

const freeText = (kind: 'fact' | 'query', maxWords: number): LexiconSlot => ({
  fills: kind,
  maxWords,
  freeText: true,
  resolve: (words) => resolveFreeText(words, kind),
});

/** The names a pattern slot may be heard as, for the grammar: the slot's own `spoken`, or its words. */
export function spokenNames(slot: AreaSlot, value: string): readonly string[] {
  return slot.spoken ? slot.spoken(value) : [spokenWords(value)];
}

function addClasses(classes: Record<string, string>, area: ToolArea): void {
  for (const [name, body] of Object.entries(area.wordClasses ?? {})) {
    if (name in classes)
      throw new ConfigError(
        `tool area '${area.name}' defines word class <${name}>, which the core or another area already defines`,
      );
    classes[name] = body;
  }
}

function addSlots(slots: Map<string, LexiconSlot>, named: AreaSlot[], area: ToolArea): void {
  for (const slot of area.slots ?? []) {
    const forms: [string, SlotResolve][] = [[slot.name, slot.resolve], ...Object.entries(slot.forms ?? {})];
    for (const [name, resolve] of forms) {
      if (!slotName.test(name))
        throw new ConfigError(`tool area '${area.name}': slot {${name}} must be lowercase words joined by dashes`);
      if (slots.has(name))
        throw new ConfigError(
          `tool area '${area.name}' declares slot {${name}}, which the core or another area already declares`,
        );
      slots.set(name, {
        fills: slot.name,
        maxWords: slot.maxWords ?? defaultMaxWords,
        freeText: false,
        resolve: (words, vocabulary) => resolve(words, vocabulary[slot.name] ?? [], vocabulary),
      });
    }
    named.push(slot);
  }
}

/** The core's words plus every area's; throws a ConfigError on a clash and a PatternSyntaxError on a bad pattern. */
export function createLexicon(areas: readonly ToolArea[]): Lexicon {
  const names = new Set<string>();
  for (const area of areas) {
    if (names.has(area.name)) throw new ConfigError(`tool area '${area.name}' is registered twice`);
    names.add(area.name);
  }
  const wordClasses: Record<string, string> = { ...coreWordClasses };
  const slots = new Map<string, LexiconSlot>([
    ['fact', freeText('fact', 30)],
    ['query', freeText('query', 8)],
  ]);
  const namedSlots: AreaSlot[] = [];
  for (const area of areas) {
    addClasses(wordClasses, area);
    addSlots(slots, namedSlots, area);
  }
  const templates = [...coreTemplates, ...areas.flatMap((area) => area.templates)];
  const slotNames = new Set([...freeTextSlots, ...slots.keys()]);
  const compiled = templates.flatMap((template) =>
    template.patterns.map((pattern) => {
      const nodes = compilePattern(pattern, wordClasses, slotNames);
      return { template, pattern, nodes, first: firstWords(nodes) };
    }),
  );
  // The recogniser's phrasings are compiled here too, so a malformed one fails at start, not at the first turn.
  for (const template of templates)
    for (const pattern of template.spoken ?? []) compilePattern(pattern, wordClasses, slotNames);
  return { templates, wordClasses, slots, namedSlots, compiled };
}
