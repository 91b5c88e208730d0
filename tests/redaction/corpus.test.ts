/**
 * The redaction corpora: secret-bearing lines written from real tools' output (mysql, psql, curl, docker run -e,
 * env dumps, .env files, JWTs, cloud keys, private keys of every PEM and PGP kind) must lose every secret, and
 * innocent lines (PATH=, versions, hashes, UUIDs, test summaries) must come out unchanged. Prints precision and recall.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactDeep, redactSecrets } from '../../src/toolkit/redact.js';

interface SecretLine {
  from: string;
  line: string;
  secrets: string[];
}

const folder = join(import.meta.dirname, 'corpus');
const secretLines = readFileSync(join(folder, 'secrets.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as SecretLine);
const innocentLines = readFileSync(join(folder, 'innocent.txt'), 'utf8')
  .split('\n')
  .filter((line) => line !== '');

function leaks(entry: SecretLine): string[] {
  const output = redactSecrets(entry.line);
  return entry.secrets.filter((secret) => output.includes(secret));
}

describe('redaction corpora', () => {
  it('holds at least 60 secret-bearing lines and 60 innocent lines', () => {
    expect(secretLines.length).toBeGreaterThanOrEqual(60);
    expect(innocentLines.length).toBeGreaterThanOrEqual(60);
  });

  it('every secret is gone and every innocent line is unchanged (100% recall, 100% precision)', () => {
    const missed = secretLines.filter((entry) => leaks(entry).length > 0);
    const falseAlarms = innocentLines.filter((line) => redactSecrets(line) !== line);
    const caught = secretLines.length - missed.length;
    const recall = caught / secretLines.length;
    const precision = caught / (caught + falseAlarms.length);
    console.log(
      `redaction corpus: ${secretLines.length} secret lines, ${innocentLines.length} innocent lines; ` +
        `recall ${(recall * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}%, ` +
        `innocent lines unchanged ${innocentLines.length - falseAlarms.length}/${innocentLines.length}`,
    );
    expect(missed.map((entry) => `${entry.from}: ${redactSecrets(entry.line)}`)).toEqual([]);
    expect(falseAlarms.map((line) => `${line}\n  -> ${redactSecrets(line)}`)).toEqual([]);
  });

  it('a redacted line keeps its key names so a reader still sees what was there', () => {
    expect(redactSecrets('docker run -e MYSQL_ROOT_PASSWORD=my-secret-pw -e TZ=Europe/Berlin mariadb:11')).toBe(
      'docker run -e MYSQL_ROOT_PASSWORD=[REDACTED] -e TZ=Europe/Berlin mariadb:11',
    );
    expect(redactSecrets('sshpass -p pw-1 ssh -p 2222 backup@nas.lan')).toBe(
      'sshpass -p [REDACTED] ssh -p 2222 backup@nas.lan',
    );
  });

  it('a container env dump given as an array keeps PATH and LANG but not the password', () => {
    const env = ['PATH=/usr/local/bin:/usr/bin', 'LANG=C.UTF-8', 'DB_PASS=Nc-pass-881', 'HOME=/root'];
    expect(redactDeep({ Env: env }).Env).toEqual([
      'PATH=/usr/local/bin:/usr/bin',
      'LANG=C.UTF-8',
      'DB_PASS=[REDACTED]',
      'HOME=/root',
    ]);
  });

  it('the whole secret corpus as one log text (lines joined) loses every secret too', () => {
    const joined = redactSecrets(secretLines.map((entry) => entry.line).join('\n'));
    const leaked = secretLines.flatMap((entry) => entry.secrets).filter((secret) => joined.includes(secret));
    expect(leaked).toEqual([]);
  });
});
