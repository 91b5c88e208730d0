/**
 * The router corpus (tests/router/corpus/) held to a floor: the share of phrasings matched right, each
 * intent's recall and precision, and no open question matched. bench/router-accuracy.ts prints the same
 * score per intent (npm run bench:router-accuracy -- --misses lists what it got wrong).
 */
import { describe, expect, it } from 'vitest';
import { testRouter } from '../helpers/router-areas.js';
import { corpusRows, openQuestions } from './corpus/index.js';
import { scoreCorpus } from './corpus/score.js';
import { testVocabulary } from './vocabulary.js';

const router = testRouter();
const score = scoreCorpus(router, testVocabulary, corpusRows, openQuestions);

/** Measured 100 % when the corpus was written (bench:router-accuracy); a little room for a new phrasing. */
const accuracyFloor = 0.98;
const intentRecallFloor = 0.9;

describe('router corpus', () => {
  it('is as big as issue 11 asks, over every intent the router knows', () => {
    expect(corpusRows.length).toBeGreaterThanOrEqual(400);
    expect(openQuestions.length).toBeGreaterThanOrEqual(150);
    const known = new Set(router.lexicon.templates.map((template) => template.intent));
    const covered = new Set(corpusRows.map(([, intent]) => intent));
    expect([...known].filter((intent) => !covered.has(intent))).toEqual([]);
    expect([...covered].filter((intent) => !known.has(intent))).toEqual([]);
  });

  it('matches no open question: those go to the language model', () => {
    expect(score.openMatched.map(({ text, got }) => `${text} -> ${got.intent}`)).toEqual([]);
  });

  it(`matches at least ${accuracyFloor * 100} % of the phrasings with the right intent and slots`, () => {
    const misses = score.misses.map((miss) => `${miss.text} -> ${miss.got ?? 'no match'}`);
    expect(score.accuracy, misses.join('\n')).toBeGreaterThanOrEqual(accuracyFloor);
  });

  it.each(score.intents.map((row) => [row.intent, row] as const))('%s keeps its recall and precision', (_, row) => {
    expect(row.recall).toBeGreaterThanOrEqual(intentRecallFloor);
    expect(row.precision).toBe(1);
  });
});
