/**
 * Spoken-command accuracy: every espeak-ng voice/speed in tests/stt/spoken-corpus.ts says every command;
 * each goes through the service's pocketsphinx path and the router. Prints, per voice, the share of exact
 * transcripts and of right intents (with the right container), then every miss.
 * Needs espeak-ng, pocketsphinx and pocketsphinx-en-us. Run: npm run bench:speech-accuracy
 */
import { testRouter } from '../tests/helpers/router-areas.js';
import {
  createSpokenRunner,
  ratesByVoice,
  spokenCommands,
  spokenVoices,
  type SpokenResult,
} from '../tests/stt/spoken-corpus.js';

const percent = (part: number, total: number) => `${((100 * part) / total).toFixed(1)}%`;

const router = testRouter();
const runner = createSpokenRunner(router);
const results: SpokenResult[] = [];
try {
  for (const voice of spokenVoices)
    for (const command of spokenCommands) results.push(await runner.run(command, voice));
} finally {
  await runner.close();
}

console.log(`${spokenVoices.length} voices x ${spokenCommands.length} commands, pocketsphinx grammar + router\n`);
console.log('| voice | exact transcript | intent right |');
console.log('|---|---|---|');
for (const [label, row] of ratesByVoice(results))
  console.log(
    `| ${label} | ${row.exact}/${row.total} (${percent(row.exact, row.total)}) | ${row.intent}/${row.total} (${percent(row.intent, row.total)}) |`,
  );
const exact = results.filter((result) => result.exact).length;
const intent = results.filter((result) => result.intentRight).length;
console.log(
  `| all | ${exact}/${results.length} (${percent(exact, results.length)}) | ${intent}/${results.length} (${percent(intent, results.length)}) |`,
);

const misses = results.filter((result) => !result.intentRight);
if (misses.length > 0) console.log('\nwrong intent:');
for (const miss of misses) console.log(`  ${miss.voice.label}: "${miss.command.said}" heard as "${miss.heard}"`);
const inexact = results.filter((result) => result.intentRight && !result.exact);
if (inexact.length > 0) console.log('\nright intent, other words:');
for (const miss of inexact) console.log(`  ${miss.voice.label}: "${miss.command.said}" heard as "${miss.heard}"`);
