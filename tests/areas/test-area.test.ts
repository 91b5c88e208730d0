/**
 * A new tool area needs no change in src/: the backup area (tests/areas/test-area/) is registered next to
 * the real areas in a test app built by createApp, the way src/app/areas.ts registers them, and is then
 * answered by the router through core.handle and heard by real pocketsphinx with the grammar generated
 * from the registered areas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAreas } from '../../src/app/areas.js';
import { collectReply } from '../../src/core/turn.js';
import { commandGrammar } from '../../voice/stt/jsgf-grammar.js';
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import { ask, closedPortUrl, createCoreTestApp, doneOf, type CoreTestApp } from '../core/core-test-app.js';
import { hasCommand, speak } from '../stt/speech-audio.js';
import { createBackupArea, type BackupJob } from './test-area/area.js';

const now = new Date('2026-01-02T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const jobs: BackupJob[] = [
  { name: 'photos', lastRun: hoursAgo(2), succeeded: true },
  { name: 'documents', lastRun: hoursAgo(26), succeeded: false },
];

const speechReady = hasCommand('pocketsphinx_continuous') && hasCommand('espeak-ng') && hasCommand('sox');
if (!speechReady && process.env.CI === 'true') throw new Error('CI needs pocketsphinx_continuous, espeak-ng and sox');

describe('a tool area registered only by a test app', () => {
  let test: CoreTestApp;
  beforeAll(async () => {
    test = await createCoreTestApp({
      ollamaHost: await closedPortUrl(),
      areas: (wiring) => [...createAreas(wiring), createBackupArea({ jobs: async () => jobs, clock: () => now })],
    });
  });
  afterAll(() => test.close());

  it('is answered by the router through core.handle, with the job from its own slot provider', async () => {
    const reply = await ask(test.app, 'When did backup photos last run?');
    expect(doneOf(reply.events).source).toBe('router');
    expect(reply.text).toBe('Photos last ran 2 hours ago and succeeded.');
    const other = await ask(test.app, 'when did the documents backup last finish');
    expect(other.text).toBe('Documents last ran 1 day and 2 hours ago and failed.');
  });

  it('adds its part to the overall status and its topic to the help, next to the real areas', async () => {
    const status = await ask(test.app, 'status');
    expect(doneOf(status.events).source).toBe('router');
    expect(status.text).toMatch(
      /^CPU is at \d+ percent, memory at \d+ percent, (and|but) .*, but the last documents backup failed\./,
    );
    const help = await ask(test.app, 'what can you do');
    expect(help.text).toContain('when a backup job last ran');
    expect(help.text).toContain('the CPU');
  });

  it("collects its names with every other slot's, and the real areas still answer", async () => {
    const vocabulary = await test.app.router.vocabulary();
    expect(vocabulary.job).toEqual(['photos', 'documents']);
    expect(vocabulary.mount).toContain('/');
    const cpu = await ask(test.app, 'what is the cpu usage');
    expect(cpu.text).toMatch(/CPU is at \d+ percent/);
  });

  it.skipIf(!speechReady)(
    'is heard by pocketsphinx (espeak-ng audio) with the grammar built from the registered areas',
    async () => {
      const vocabulary = await test.app.router.vocabulary();
      const grammar = commandGrammar({ vocabulary }, { lexicon: test.app.router.lexicon });
      expect(grammar).toMatch(/<slot_job> = \(photos \| documents\);/);
      const stt = createPocketsphinxStt({
        grammar: (hints) => commandGrammar(hints, { lexicon: test.app.router.lexicon }),
      });
      try {
        const transcript = await stt.transcribe(speak('when did backup photos last run'), { hints: { vocabulary } });
        expect(transcript.text).toBe('when did backup photos last run');
        const turn = {
          channel: 'voice',
          person: { channel: 'voice', externalId: 'room' },
          conversation: 'mic',
          text: transcript.text,
          modality: 'voice' as const,
        };
        const reply = await collectReply(test.app.core.handle(turn));
        expect(doneOf(reply.events).source).toBe('router');
        expect(reply.text).toBe('Photos last ran 2 hours ago and succeeded.');
      } finally {
        await stt.close?.();
      }
    },
  );
});
