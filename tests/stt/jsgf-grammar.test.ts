import { describe, expect, it } from 'vitest';
import { buildJsgf, grammarWords } from '../../voice/stt/jsgf-grammar.js';
import { loadDictionary } from '../../voice/stt/pronunciation-dictionary.js';
import { spokenWords } from '../../voice/stt/spoken-words.js';
import { existsSync } from 'node:fs';

const dictionaryPath = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';
const ready = existsSync(dictionaryPath);
if (!ready && process.env.CI === 'true') throw new Error('CI needs pocketsphinx-en-us (the CMU dictionary)');

describe.skipIf(!ready)('JSGF grammar from router templates', () => {
  const dictionary = loadDictionary(dictionaryPath);

  it('speaks container names as dictionary words', () => {
    expect(spokenWords('plex-server', dictionary)).toBe('plex server');
    expect(spokenWords('home_assistant', dictionary)).toBe('home assistant');
    expect(spokenWords('jellyfin', dictionary)).toBe('jellyfin');
    expect(spokenWords('k3s', dictionary)).toBe('k three s');
    expect(spokenWords('qxzvbnmrtk', dictionary)).toBeUndefined();
  });

  it('turns alternatives, optional words and slots into rules, and always adds confirmations', () => {
    const jsgf = buildJsgf({
      templates: [{ intent: 'docker.restart', patterns: ['[please] (restart|reboot) {container}'] }],
      vocabulary: { container: ['plex-server', 'qxzvbnmrtk'] },
      dictionary,
    });
    expect(jsgf).toContain('<intent_docker_restart> = [ please ] ( restart | reboot ) <container>;');
    expect(jsgf).toContain('<container> = plex server;');
    expect(jsgf).toMatch(/<confirmation> = yes \| no \| cancel \| stop \| yes \[please\] \(restart/);
  });

  it('leaves out patterns whose slot has no speakable names, keeping the rest', () => {
    const jsgf = buildJsgf({
      templates: [{ intent: 'facts', patterns: ['what is {fact}', 'what is the cpu usage'] }],
      vocabulary: { fact: [] },
      dictionary,
    });
    expect(jsgf).toContain('<intent_facts> = what is the cpu usage;');
    expect(jsgf).not.toContain('<fact>');
  });

  it('lists every word the grammar can produce, for the pronunciation dictionary', () => {
    const jsgf = buildJsgf({ templates: [{ intent: 'x', patterns: ['is {container} healthy'] }], vocabulary: { container: ['jellyfin'] }, dictionary });
    expect(grammarWords(jsgf).sort()).toEqual(['cancel', 'healthy', 'is', 'jellyfin', 'no', 'please', 'restart', 'start', 'stop', 'yes']);
  });
});
