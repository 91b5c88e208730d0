import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listenToFile } from '../../channels/local/listen-file.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readWav, writeWav } from '../../voice/audio/wav.js';
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import { addNoise, concatPcm, requireAudio, silence, speak } from '../helpers/audio-fixtures.js';
import { createTestApp, type TestApp } from './test-app.js';

const requirement = requireAudio({ commands: ['espeak-ng', 'pocketsphinx_continuous'] });

/** A grammar for reading the reply back: metric words, number words and "percent". */
const numberWords =
  'zero | one | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen | twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety | hundred | point';
const numberThenPercent = new RegExp(`\\b(${numberWords.split(' | ').join('|')})\\b.*percent`);
const replyGrammar = `#JSGF V1.0;\ngrammar reply;\npublic <reply> = <filler>* <number>+ percent (<filler> | <number>)*;\n<number> = ${numberWords};\n<filler> = the | cpu | memory | is | at | used | of | and | load | usage | processor | ram | percent | gigabytes | in | use | across | core | cores;\n`;

describe.skipIf(requirement.skip)(
  'voice end to end (openWakeWord, Silero, pocketsphinx, router, espeak-ng, SQLite)',
  () => {
    let test: TestApp;
    beforeAll(async () => {
      test = await createTestApp({ voiceYaml: '  earcons: false' });
    }, 60_000);
    afterAll(() => test?.close());

    it('hears "hey jarvis ... what is the cpu usage", answers aloud with a figure in percent, and takes a follow-up without the wake word', async () => {
      const audio = concatPcm(
        silence(500),
        speak('hey jarvis'),
        silence(400),
        speak('what is the cpu usage'),
        silence(1500),
        speak('what is the memory usage'),
        silence(2000),
      );
      const result = await test.listen(audio);
      expect(result.heard).toEqual(['what is the cpu usage', 'what is the memory usage']);
      expect(result.answered[0]).toMatch(/\d.*%|percent/i);
      expect(result.answered[1]).toMatch(/memory/i);

      // The reply as the speaker got it (earcons are off here), read back by pocketsphinx.
      const replyOnly = await test.listen(
        concatPcm(silence(300), speak('hey jarvis'), silence(400), speak('what is the cpu usage'), silence(1500)),
      );
      const reply = readWav(readFileSync(replyOnly.outPath)).pcm;
      expect(reply.samples.length / 16000).toBeGreaterThan(1);
      const reader = createPocketsphinxStt({
        grammar: () => replyGrammar,
        minimumCoverage: 0.2,
        maximumSilenceSeconds: Number.POSITIVE_INFINITY,
      });
      const transcript = await reader.transcribe(reply);
      await reader.close?.();
      expect(transcript.text).toMatch(numberThenPercent);

      const turns = test.app.memory.timings
        .recent(5)
        .filter((turn) => turn.channel === 'voice' && 'first-audio' in turn.stages);
      expect(turns.length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(turns[0]!.stages)).toEqual(
        expect.arrayContaining(['wake-to-speech', 'speech', 'stt', 'core', 'first-audio']),
      );
    }, 60_000);

    it('starts no turn at all for silence, for noise, or for speech without the wake word', async () => {
      const handle = vi.spyOn(test.app.core, 'handle');
      const result = await test.listen(
        concatPcm(silence(3000), addNoise(silence(3000), 3000), speak('what is the cpu usage'), silence(1500)),
      );
      expect(result.heard).toEqual([]);
      expect(handle).not.toHaveBeenCalled();
      handle.mockRestore();
    }, 60_000);

    it('gives a clear error for bad audio and keeps working afterwards', async () => {
      const header = writeWav(silence(500).samples).subarray(0, 44);
      const twoGigabytes = Buffer.from(header);
      twoGigabytes.writeUInt32LE(0x7fff_ff00, 40);
      const cases: [string, Buffer, RegExp][] = [
        ['empty', Buffer.alloc(0), /empty/i],
        ['truncated', header.subarray(0, 20), /truncat|header|short/i],
        ['2gb', Buffer.concat([twoGigabytes, Buffer.alloc(1000)]), /large|claims|truncat|bytes/i],
      ];
      for (const [name, bytes, message] of cases) {
        const path = join(test.folder, `bad-${name}.wav`);
        writeFileSync(path, bytes);
        await expect(
          listenToFile({ runChannel: (run) => test.app.voice.runChannel(run), path, outPath: `${path}.out.wav` }),
          name,
        ).rejects.toThrow(message);
      }
      const after = await test.listen(
        concatPcm(silence(300), speak('hey jarvis'), silence(400), speak('what is the memory usage'), silence(1500)),
      );
      expect(after.heard).toEqual(['what is the memory usage']);
    }, 60_000);
  },
);
