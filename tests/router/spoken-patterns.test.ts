/**
 * The speech recogniser is offered each template's `spoken` phrasings (docs/decisions/023), a narrower
 * set than the typed patterns. Every sentence they can produce, typed into the router, must give that
 * template's intent: otherwise the recogniser could hear a sentence exactly and the router still answer
 * something else, or nothing.
 */
import { describe, expect, it } from 'vitest';
import { spokenClasses } from '../../src/router/grammar.js';
import { spokenNames } from '../../src/router/lexicon.js';
import { compilePattern, type PatternNode } from '../../src/router/pattern.js';
import { routerLexicon, testRouter } from '../helpers/router-areas.js';
import { testVocabulary } from './vocabulary.js';

const lexicon = routerLexicon();
const router = testRouter();
const slotNames = new Set([...lexicon.slots.keys(), 'fact', 'query']);

/** The names a slot is spoken as in the grammar ("plex-server" -> "plex server", "plex"). */
function spokenSlotNames(slot: string): string[] {
  const fills = lexicon.slots.get(slot)?.fills ?? slot;
  const named = lexicon.namedSlots.find((candidate) => candidate.name === fills);
  if (!named) return [];
  return (testVocabulary[fills] ?? []).flatMap((value) => [...spokenNames(named, value)]);
}

/** Every sentence a node sequence can produce (the grammar's language), capped per pattern. */
function sentences(nodes: readonly PatternNode[], limit = 3000): string[] {
  let partial: string[] = [''];
  for (const node of nodes) {
    let options: string[];
    if (node.kind === 'word') options = [node.word];
    else if (node.kind === 'slot') options = spokenSlotNames(node.slot);
    else {
      options = node.options.flatMap((option) => sentences(option, limit));
      if (node.optional) options.push('');
    }
    partial = partial.flatMap((prefix) => options.map((option) => `${prefix} ${option}`)).slice(0, limit);
  }
  return partial.map((sentence) => sentence.replace(/\s+/g, ' ').trim());
}

// spoken: [] keeps a template out of the grammar on purpose: nothing to check there.
const spokenTemplates = lexicon.templates.filter((template) => (template.spoken?.length ?? 0) > 0);

describe('spoken phrasings (what the recogniser may hear)', () => {
  it('exist for the intents people say most', () => {
    const intents = new Set(spokenTemplates.map((template) => template.intent));
    for (const intent of ['help', 'cpu', 'memory', 'disk', 'uptime', 'load', 'status', 'container_restart'])
      expect(intents).toContain(intent);
  });

  it.each(spokenTemplates.map((template) => [template.intent, template] as const))(
    'each sentence of %s routes to it when typed',
    (_intent, template) => {
      const wrong: string[] = [];
      let checked = 0;
      for (const pattern of template.spoken ?? []) {
        for (const sentence of sentences(compilePattern(pattern, spokenClasses(lexicon), slotNames))) {
          checked++;
          const match = router.match(sentence, testVocabulary);
          if (match?.intent !== template.intent) wrong.push(`"${sentence}" -> ${match?.intent ?? 'no match'}`);
        }
      }
      expect(checked).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    },
  );

  it('keep fewer alternatives than the typed patterns', () => {
    for (const template of spokenTemplates)
      expect(template.spoken!.length).toBeLessThanOrEqual(template.patterns.length);
  });
});
