/**
 * Redaction runs on every log line, tool output and reply: lines per second with today's rules against
 * the rules before issue 8 (bench/redaction-before.ts), on the corpora and on ordinary log lines, plus
 * what each set catches of the corpora.
 *
 *   node --import tsx bench/redaction.ts [--rounds 200]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactSecrets } from '../src/toolkit/redact.js';
import { redactSecretsBefore } from './redaction-before.js';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 200);
const corpus = join(import.meta.dirname, '..', 'tests', 'redaction', 'corpus');
const secretLines = readFileSync(join(corpus, 'secrets.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { line: string; secrets: string[] });
const innocentLines = readFileSync(join(corpus, 'innocent.txt'), 'utf8').split('\n').filter(Boolean);
/** What a busy journal looks like: mostly ordinary lines, JSON log records, a long container log. */
const logLines = [
  ...innocentLines,
  ...Array.from({ length: 50 }, (_, index) =>
    JSON.stringify({
      time: '2026-01-01T10:00:00Z',
      level: 'info',
      scope: 'core',
      message: `turn ${index} answered by router in ${index + 3} ms`,
      person: 'local:jane',
    }),
  ),
  Array.from(
    { length: 40 },
    (_, index) =>
      `2026-01-01T10:00:${String(index % 60).padStart(2, '0')}Z INFO GET /api/items/${index} 200 ${index}ms`,
  ).join('\n'),
];

function linesPerSecond(redact: (text: string) => string, lines: string[]): number {
  for (const line of lines) redact(line); // warm up
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round += 1) for (const line of lines) redact(line);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (rounds * lines.length) / seconds;
}

function corpusScore(redact: (text: string) => string): string {
  const caught = secretLines.filter((entry) =>
    entry.secrets.every((secret) => !redact(entry.line).includes(secret)),
  ).length;
  const unchanged = innocentLines.filter((line) => redact(line) === line).length;
  const falseAlarms = innocentLines.length - unchanged;
  return (
    `recall ${((100 * caught) / secretLines.length).toFixed(1)}%, precision ${((100 * caught) / (caught + falseAlarms)).toFixed(1)}%, ` +
    `innocent unchanged ${unchanged}/${innocentLines.length}`
  );
}

const sets = [
  { name: 'log lines', lines: logLines },
  { name: 'secret corpus', lines: secretLines.map((entry) => entry.line) },
];
console.log(
  `redaction, ${rounds} rounds; corpora: ${secretLines.length} secret lines, ${innocentLines.length} innocent lines`,
);
for (const set of sets) {
  const before = linesPerSecond(redactSecretsBefore, set.lines);
  const now = linesPerSecond(redactSecrets, set.lines);
  console.log(
    `${set.name.padEnd(14)} before ${Math.round(before).toLocaleString('en')} lines/s, now ${Math.round(now).toLocaleString('en')} lines/s (${(now / before).toFixed(2)}x)`,
  );
}
console.log(`before: ${corpusScore(redactSecretsBefore)}`);
console.log(`now:    ${corpusScore(redactSecrets)}`);
