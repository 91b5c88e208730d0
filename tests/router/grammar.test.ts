import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildJsgf } from '../../src/router/grammar.js';
import { compilePattern, firstWords, PatternSyntaxError } from '../../src/router/pattern.js';
import { routerLexicon, testRouter } from '../helpers/router-areas.js';
import { testVocabulary } from './vocabulary.js';

const dictionaryPath = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';
const hasBinary = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const speechToolsPresent =
  existsSync(dictionaryPath) && ['pocketsphinx_continuous', 'espeak-ng', 'sox'].every(hasBinary);
const requireSpeechTools = process.env.CI === 'true';
const workDirectory = mkdtempSync(join(tmpdir(), 'sysvox-router-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

describe('template syntax', () => {
  it('names the bad pattern and the syntax doc', () => {
    expect(() => compilePattern('is (plex running')).toThrow(PatternSyntaxError);
    expect(() => compilePattern('is {nope} up')).toThrow(/unknown slot \{nope\}.*template-syntax\.md/);
    expect(() => compilePattern('<missing> up')).toThrow(/unknown class <missing>/);
  });

  it("knows the words a pattern can start with, so the router skips the ones that can't match", () => {
    const first = (pattern: string) => {
      const words = firstWords(compilePattern(pattern, {}, new Set(['query'])));
      return words === null ? null : [...words].sort();
    };
    expect(first('[the] (cpu | ram) usage')).toEqual(['cpu', 'ram', 'the']);
    expect(first('[please] [do] it')).toEqual(['do', 'it', 'please']);
    expect(first('[the] {query} logs')).toBeNull();
    expect(first('({query} | yes) please')).toBeNull();
  });
});

describe('router speed', () => {
  it('matches 1,000 phrasings without catastrophic backtracking', () => {
    const router = testRouter();
    const phrasings = [
      'is plex running',
      'why is my server slow since yesterday',
      'remember that nas is the storage box',
      'how full is /data',
      'restart everything that looks broken then tell me why and then write a long poem about all of it please',
    ];
    const started = performance.now();
    for (let index = 0; index < 1000; index += 1) router.match(phrasings[index % phrasings.length]!, testVocabulary);
    // Not a speed target (bench/router-latency.ts measures that): a bound that only exponential backtracking
    // breaks, with room for a machine busy with other test files (about 1 ms a phrase when idle).
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe('JSGF grammar for pocketsphinx', () => {
  const dictionary = existsSync(dictionaryPath)
    ? new Set(
        readFileSync(dictionaryPath, 'utf8')
          .split('\n')
          .map((line) => line.split(' ')[0]!.replace(/\(\d+\)$/, '')),
      )
    : null;

  it('leaves out free-text patterns and words the dictionary lacks', () => {
    const grammar = buildJsgf(routerLexicon(), testVocabulary, { isKnownWord: (word) => word !== 'overheating' });
    expect(grammar.text).toMatch(/^#JSGF V1\.0;/);
    expect(grammar.text).toContain('<slot_container> = (plex server | plex | homeassistant');
    expect(grammar.text).not.toMatch(/\boverheating\b|\{|remember/);
    expect(grammar.text).toContain('too hot');
    expect(grammar.skippedWords).toEqual(['overheating']);
  });

  it.runIf(speechToolsPresent || requireSpeechTools)('recognises spoken commands that the router then matches', () => {
    expect(speechToolsPresent, 'pocketsphinx, pocketsphinx-en-us, espeak-ng and sox must be installed').toBe(true);
    const vocabulary = { container: ['plex-server', 'nextcloud'], host: [], mount: ['/', '/data'] };
    const grammar = buildJsgf(routerLexicon(), vocabulary, { isKnownWord: (word) => dictionary!.has(word) });
    const grammarPath = join(workDirectory, 'sysvox.gram');
    writeFileSync(grammarPath, grammar.text);
    const router = testRouter();
    for (const [spoken, intent] of [
      ['is plex running', 'container_status'],
      ['how full is the data partition', 'disk'],
    ] as const) {
      const raw = join(workDirectory, 'raw.wav');
      const wav = join(workDirectory, 'speech.wav');
      execFileSync('espeak-ng', ['-w', raw, spoken]);
      execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', wav]);
      const heard = execFileSync(
        'pocketsphinx_continuous',
        ['-jsgf', grammarPath, '-infile', wav, '-logfn', '/dev/null'],
        { encoding: 'utf8' },
      ).trim();
      expect(router.match(heard, { ...vocabulary, host: [] })?.intent).toBe(intent);
    }
  });
});
