/**
 * Scores a router against the corpus: per intent, precision (of the phrasings it matched to that intent,
 * how many were meant for it, slots included) and recall (of the phrasings meant for it, how many it
 * matched with the right slots); overall, the share of phrasings matched right and the open questions
 * matched at all. The one scoring function shared by tests/router/corpus.test.ts and bench/router-accuracy.ts.
 */
import type { Router } from '../../../src/router/router.js';
import type { IntentName, RouterMatch, RouterSlots, Vocabulary } from '../../../src/router/types.js';
import type { CorpusRow } from './types.js';

export interface IntentScore {
  intent: IntentName;
  /** Phrasings meant for this intent. */
  expected: number;
  /** Matched to this intent with the right slots. */
  correct: number;
  /** Matched to this intent but meant for another intent, another slot value, or the model. */
  wrong: number;
  precision: number;
  recall: number;
}

export interface Miss {
  text: string;
  expected: IntentName;
  expectedSlots?: RouterSlots;
  got: IntentName | null;
  gotSlots?: RouterSlots;
}

export interface CorpusScore {
  intents: IntentScore[];
  phrasings: number;
  correct: number;
  /** correct / phrasings. */
  accuracy: number;
  misses: Miss[];
  openQuestions: number;
  /** Open questions the router matched (each one a false match): should be empty. */
  openMatched: { text: string; got: RouterMatch }[];
}

function slotsFit(expected: RouterSlots | undefined, got: RouterSlots): boolean {
  return Object.entries(expected ?? {}).every(([name, value]) => got[name] === value);
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

export function scoreCorpus(
  router: Pick<Router, 'match'>,
  vocabulary: Vocabulary,
  rows: readonly CorpusRow[],
  openQuestions: readonly string[],
): CorpusScore {
  const counts = new Map<IntentName, { expected: number; correct: number; wrong: number }>();
  const countsOf = (intent: IntentName) => {
    let entry = counts.get(intent);
    if (!entry) counts.set(intent, (entry = { expected: 0, correct: 0, wrong: 0 }));
    return entry;
  };
  const misses: Miss[] = [];
  for (const [text, intent, slots] of rows) {
    countsOf(intent).expected += 1;
    const match = router.match(text, vocabulary);
    if (match && match.intent === intent && slotsFit(slots, match.slots)) {
      countsOf(intent).correct += 1;
      continue;
    }
    if (match) countsOf(match.intent).wrong += 1;
    misses.push({ text, expected: intent, expectedSlots: slots, got: match?.intent ?? null, gotSlots: match?.slots });
  }
  const openMatched: CorpusScore['openMatched'] = [];
  for (const text of openQuestions) {
    const match = router.match(text, vocabulary);
    if (match) {
      countsOf(match.intent).wrong += 1;
      openMatched.push({ text, got: match });
    }
  }
  const intents = [...counts.entries()]
    .map(([intent, count]) => ({
      intent,
      ...count,
      precision: ratio(count.correct, count.correct + count.wrong),
      recall: ratio(count.correct, count.expected),
    }))
    .sort((a, b) => a.intent.localeCompare(b.intent));
  const correct = rows.length - misses.length;
  return {
    intents,
    phrasings: rows.length,
    correct,
    accuracy: ratio(correct, rows.length),
    misses,
    openQuestions: openQuestions.length,
    openMatched,
  };
}
