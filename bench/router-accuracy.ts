/**
 * Router accuracy on the phrasing corpus (tests/router/corpus/): precision and recall per intent, the
 * share of phrasings matched right overall, and the open questions matched (each one a false match).
 * No Docker, model or sampler: the real areas' words, the test vocabulary, the router's match only.
 *
 *   node --import tsx bench/router-accuracy.ts [--misses]
 *
 * --misses lists every phrasing the router got wrong, with what it matched instead.
 */
import { corpusRows, openQuestions } from '../tests/router/corpus/index.js';
import { scoreCorpus } from '../tests/router/corpus/score.js';
import { testRouter } from '../tests/helpers/router-areas.js';
import { testVocabulary } from '../tests/router/vocabulary.js';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const score = scoreCorpus(testRouter(), testVocabulary, corpusRows, openQuestions);

const width = Math.max(...score.intents.map((row) => row.intent.length), 'intent'.length);
console.log(`${'intent'.padEnd(width)}  phrasings  right  wrong  precision  recall`);
for (const row of score.intents) {
  console.log(
    `${row.intent.padEnd(width)}  ${String(row.expected).padStart(9)}  ${String(row.correct).padStart(5)}  ${String(row.wrong).padStart(5)}  ${percent(row.precision).padStart(9)}  ${percent(row.recall).padStart(6)}`,
  );
}
console.log('');
console.log(`intents: ${score.intents.length}`);
console.log(`phrasings matched right: ${score.correct}/${score.phrasings} (${percent(score.accuracy)})`);
console.log(`open questions matched (false matches): ${score.openMatched.length}/${score.openQuestions}`);
for (const { text, got } of score.openMatched)
  console.log(`  open matched: "${text}" -> ${got.intent} ${JSON.stringify(got.slots)}`);

if (process.argv.includes('--misses')) {
  console.log('');
  for (const miss of score.misses) {
    const got = miss.got === null ? 'no match' : `${miss.got} ${JSON.stringify(miss.gotSlots)}`;
    console.log(`  miss: "${miss.text}" want ${miss.expected} ${JSON.stringify(miss.expectedSlots ?? {})}, got ${got}`);
  }
}

// The second tier (src/router/guess.ts) on what the templates missed, and on every open question.
const router = testRouter();
const rightGuess = (text: string, intent: string) => router.guess(text, testVocabulary)?.intent === intent;
const missed = score.misses.map((miss) => ({ ...miss, guess: router.guess(miss.text, testVocabulary) }));
const confident = missed.filter((miss) => miss.guess?.tier === 'guess-confident');
const openGuesses = openQuestions
  .map((text) => ({ text, guess: router.guess(text, testVocabulary) }))
  .filter(({ text, guess }) => router.match(text, testVocabulary) === null && guess?.tier === 'guess-confident');
const answeredWithModelDown = corpusRows.filter(
  ([text, intent]) => router.match(text, testVocabulary)?.intent === intent || rightGuess(text, intent),
).length;
console.log('');
console.log('second tier (keyword guess) on the template misses:');
console.log(
  `  confident guesses: ${confident.length}/${missed.length}, right: ${confident.filter((miss) => miss.guess?.intent === miss.expected).length}`,
);
console.log(
  `  open questions guessed with confidence (answered without the model): ${openGuesses.length}/${openQuestions.length}`,
);
for (const { text, guess } of openGuesses) console.log(`    open guessed: "${text}" -> ${guess?.intent}`);
console.log(
  `  with the language model down, phrasings answered on the right intent (exact or worded guess): ${answeredWithModelDown}/${corpusRows.length} (${percent(answeredWithModelDown / corpusRows.length)})`,
);
