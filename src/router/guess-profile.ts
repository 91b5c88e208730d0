/**
 * What the keyword scorer (guess.ts) knows about each intent, built once from the lexicon: the words of
 * its templates (weighted by how few intents share them), the keywords its area declares (full weight),
 * the name slots its patterns use (required when every pattern has one), its fixed slots and its topic.
 * Intents a guess must never produce are left out here: the core's confirm and deny (a guess never
 * answers an approval) and intents that need free text ({fact}: a guess never writes memory).
 */
import type { IntentKeywords, ToolArea } from './area.js';
import type { Lexicon } from './lexicon.js';
import type { PatternNode } from './pattern.js';
import type { RouterSlots } from './types.js';

/** Never guessed, whatever the words: approvals are answered by the whole utterance only. */
export const neverGuessed: ReadonlySet<string> = new Set(['confirm', 'deny']);

export interface IntentProfile {
  intent: string;
  /** Word -> weight (0..1]. */
  words: ReadonlyMap<string, number>;
  /** Name slots (by what they fill: 'container', 'mount') -> whether every pattern needs one. */
  slots: ReadonlyMap<string, boolean>;
  fixedSlots: RouterSlots;
  topic: string;
  bareSlot: boolean;
  /** Position in the lexicon: the earlier intent wins a tie. */
  order: number;
}

/** Words that carry no topic: they neither point at an intent nor count against a guess. */
export const functionWords: ReadonlySet<string> = new Set(
  (
    'the a an my our your this that these those it its is are was were be been being am do does did done ' +
    'i we you me us of on for in at to with from by and or what which who how much many there any some all ' +
    'right now currently current just so like looking doing have has had got get go going can'
  ).split(' '),
);

interface Collected {
  words: Set<string>;
  slots: Set<string>;
}

function collect(nodes: readonly PatternNode[], lexicon: Lexicon, into: Collected): void {
  for (const node of nodes) {
    if (node.kind === 'word') into.words.add(node.word);
    else if (node.kind === 'slot') {
      const slot = lexicon.slots.get(node.slot);
      into.slots.add(slot?.freeText ? `free:${node.slot}` : (slot?.fills ?? node.slot));
    } else for (const option of node.options) collect(option, lexicon, into);
  }
}

/** "top_memory" -> "top memory": the topic of an intent that declares none and has no help entry. */
const plainName = (intent: string) => intent.replaceAll('_', ' ');

export function buildProfiles(lexicon: Lexicon, areas: readonly ToolArea[]): IntentProfile[] {
  const declared = new Map<string, IntentKeywords>();
  for (const area of areas)
    for (const [intent, keywords] of Object.entries(area.keywords ?? {})) declared.set(intent, keywords);
  const perIntent = new Map<
    string,
    { words: Set<string>; patterns: Set<string>[]; fixed: RouterSlots; help?: string }
  >();
  for (const compiled of lexicon.compiled) {
    const { intent } = compiled.template;
    if (neverGuessed.has(intent)) continue;
    const entry = perIntent.get(intent) ?? { words: new Set(), patterns: [], fixed: {}, help: undefined };
    const found: Collected = { words: new Set(), slots: new Set() };
    collect(compiled.nodes, lexicon, found);
    found.words.forEach((word) => entry.words.add(word));
    entry.patterns.push(found.slots);
    entry.fixed = { ...compiled.template.fixedSlots, ...entry.fixed };
    entry.help ??= compiled.template.help?.topic;
    perIntent.set(intent, entry);
  }
  // The words of a yes or a no ("okay", "cancel") point at no intent: an approval is answered by the whole utterance only.
  const answerWords = new Set(
    [lexicon.wordClasses.yes, lexicon.wordClasses.no].flatMap((body) => body?.match(/[a-z]+/g) ?? []),
  );
  const sharedBy = new Map<string, number>();
  for (const { words } of perIntent.values())
    for (const word of words) sharedBy.set(word, (sharedBy.get(word) ?? 0) + 1);

  const profiles: IntentProfile[] = [];
  let order = 0;
  for (const [intent, entry] of perIntent) {
    order += 1;
    const needsFreeText = entry.patterns.every((slots) => [...slots].some((slot) => slot.startsWith('free:')));
    if (needsFreeText) continue;
    const weights = new Map<string, number>();
    for (const word of entry.words) {
      if (functionWords.has(word) || answerWords.has(word) || /^\d+$/.test(word)) continue;
      weights.set(word, 0.5 / (sharedBy.get(word) ?? 1));
    }
    const keywords = declared.get(intent);
    for (const word of keywords?.words ?? []) if (!answerWords.has(word)) weights.set(word, 1);
    const slots = new Map<string, boolean>();
    const named = new Set(entry.patterns.flatMap((slots) => [...slots].filter((slot) => !slot.startsWith('free:'))));
    for (const slot of named)
      slots.set(
        slot,
        entry.patterns.every((pattern) => pattern.has(slot)),
      );
    profiles.push({
      intent,
      words: weights,
      slots,
      fixedSlots: entry.fixed,
      topic: keywords?.topic ?? entry.help ?? plainName(intent),
      bareSlot: keywords?.bareSlot ?? false,
      order,
    });
  }
  return profiles;
}
