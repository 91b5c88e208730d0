/**
 * Configured host names join the router's {host} names and the offline recogniser's grammar: spoken
 * by espeak-ng and heard by pocketsphinx through the grammar built from the app's areas, "how full is the
 * disk on tank" is a disk question about tank. (Other host phrasings are heard badly with espeak's voice
 * in the full grammar, e.g. "what is the load on tank" gives nothing: see the README.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAreas } from '../../src/app/areas.js';
import { configSchema } from '../../src/config/schema.js';
import { buildJsgf } from '../../src/router/grammar.js';
import { createRouter } from '../../src/router/router.js';
import { inertWiring } from '../helpers/router-areas.js';

const dictionaryPath = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';
const hasBinary = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const speechToolsPresent =
  existsSync(dictionaryPath) && ['pocketsphinx_continuous', 'espeak-ng', 'sox'].every(hasBinary);
const workDirectory = mkdtempSync(join(tmpdir(), 'sysvox-host-speech-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

const pin = 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU';
const config = configSchema.parse({
  hosts: ['tank', 'media-box'].map((name) => ({ name, address: '10.0.0.9', keyPath: '/nonexistent', hostKey: pin })),
});
// No host is contacted: the router only needs the names.
const router = createRouter({ areas: createAreas({ ...inertWiring(), config }) });

describe('host names in the vocabulary and the speech grammar', () => {
  it('puts every configured host among the {host} names', async () => {
    const vocabulary = await router.vocabulary();
    expect(vocabulary.host).toEqual(expect.arrayContaining(['tank', 'media-box']));
    expect(router.match('how much memory is the media box using', vocabulary)?.slots).toMatchObject({
      host: 'media-box',
    });
    const grammar = buildJsgf(router.lexicon, vocabulary);
    expect(grammar.text).toMatch(/<slot_host> = [^;]*\btank\b/);
    expect(grammar.text).toMatch(/<slot_host> = [^;]*\bmedia box\b/);
  });

  it.runIf(speechToolsPresent || process.env.CI === 'true')(
    'hears "how full is the disk on tank" as a disk question about tank',
    async () => {
      const dictionary = new Set(
        readFileSync(dictionaryPath, 'utf8')
          .split('\n')
          .map((line) => line.split(' ')[0]!.replace(/\(\d+\)$/, '')),
      );
      const vocabulary = { ...(await router.vocabulary()), container: [], mount: ['/'] };
      const grammarPath = join(workDirectory, 'hosts.gram');
      writeFileSync(
        grammarPath,
        buildJsgf(router.lexicon, vocabulary, { isKnownWord: (word) => dictionary.has(word) }).text,
      );
      const raw = join(workDirectory, 'raw.wav');
      const wav = join(workDirectory, 'speech.wav');
      execFileSync('espeak-ng', ['-w', raw, 'how full is the disk on tank']);
      execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', wav]);
      const heard = execFileSync(
        'pocketsphinx_continuous',
        ['-jsgf', grammarPath, '-infile', wav, '-logfn', '/dev/null'],
        {
          encoding: 'utf8',
        },
      ).trim();
      const match = router.match(heard, vocabulary);
      expect(match?.intent, `heard "${heard}"`).toBe('disk');
      expect(match?.slots.host).toBe('tank');
    },
  );
});
