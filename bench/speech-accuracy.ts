/**
 * Spoken-command accuracy: every espeak-ng voice/speed in tests/stt/spoken-corpus.ts says every command;
 * each goes through the service's pocketsphinx path and the router. Prints, per voice, the share of exact
 * transcripts and of right intents (with the right container), and how many times a WRONG intent came out
 * (worse than a rejection, which the person hears as "I didn't catch that"); then the same for the held-out
 * commands (never used to tune the grammar). With --misses, every miss and every inexact transcript.
 * Needs espeak-ng, pocketsphinx and pocketsphinx-en-us.
 * Run: npm run bench:speech-accuracy [-- --misses] [-- --corpus main|held-out]
 */
import { testRouter } from '../tests/helpers/router-areas.js';
import {
  createSpokenRunner,
  heldOutCommands,
  ratesByVoice,
  spokenCommands,
  spokenVoices,
  type SpokenCommand,
  type SpokenRates,
  type SpokenResult,
} from '../tests/stt/spoken-corpus.js';

const argv = process.argv.slice(2);
const showMisses = argv.includes('--misses');
const corpusArgument = argv.indexOf('--corpus');
const only = corpusArgument >= 0 ? argv[corpusArgument + 1] : undefined;

const percent = (part: number, total: number) => `${((100 * part) / total).toFixed(1)}%`;
const cell = (part: number, total: number) => `${part}/${total} (${percent(part, total)})`;
const row = (label: string, rates: SpokenRates) =>
  `| ${label} | ${cell(rates.exact, rates.total)} | ${cell(rates.intent, rates.total)} | ${rates.wrong} | ${rates.rejected} |`;

function printTable(title: string, commands: readonly SpokenCommand[], results: readonly SpokenResult[]): void {
  console.log(
    `\n${title}: ${spokenVoices.length} voices x ${commands.length} commands, pocketsphinx grammar + router\n`,
  );
  console.log('| voice | exact transcript | intent right | wrong intent | rejected |');
  console.log('|---|---|---|---|---|');
  const all: SpokenRates = { total: 0, exact: 0, intent: 0, wrong: 0, rejected: 0 };
  for (const [label, rates] of ratesByVoice(results)) {
    console.log(row(label, rates));
    for (const key of Object.keys(all) as (keyof SpokenRates)[]) all[key] += rates[key];
  }
  console.log(row('all', all));
}

function printMisses(results: readonly SpokenResult[]): void {
  for (const outcome of ['wrong', 'rejected'] as const) {
    const misses = results.filter((result) => result.outcome === outcome);
    if (misses.length > 0) console.log(`\n${outcome === 'wrong' ? 'wrong intent' : 'rejected'}:`);
    for (const miss of misses) console.log(`  ${miss.voice.label}: "${miss.command.said}" heard as "${miss.heard}"`);
  }
  const inexact = results.filter((result) => result.intentRight && !result.exact);
  if (inexact.length > 0) console.log('\nright intent, other words:');
  for (const miss of inexact) console.log(`  ${miss.voice.label}: "${miss.command.said}" heard as "${miss.heard}"`);
}

const corpora = [
  { name: 'main', title: 'spoken corpus', commands: spokenCommands },
  { name: 'held-out', title: 'held-out commands', commands: heldOutCommands },
].filter((corpus) => !only || corpus.name === only);

const router = testRouter();
const runner = createSpokenRunner(router);
try {
  for (const corpus of corpora) {
    const results: SpokenResult[] = [];
    for (const voice of spokenVoices)
      for (const command of corpus.commands) results.push(await runner.run(command, voice));
    printTable(corpus.title, corpus.commands, results);
    if (showMisses) printMisses(results);
  }
} finally {
  await runner.close();
}
