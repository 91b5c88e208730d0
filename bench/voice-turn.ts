/**
 * End of speech -> first audio byte for a voice turn (`node --import tsx bench/voice-turn.ts`):
 *   1. real offline engines: openWakeWord, Silero, pocketsphinx, the real router, espeak-ng;
 *   2. instant fake engines (FakeStt, FakeTts, an instant core): the pipeline's own overhead;
 *   3. a 1-sentence vs a 3-sentence answer from a scripted core that takes 400 ms per sentence.
 * Targets: overhead <= 30 ms; 3-sentence first audio within 10 % of 1-sentence.
 */
import { FakeWake } from '../voice/wake/fake-wake.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecordingSink } from '../channels/local/audio-sinks.js';
import { createLocalVoiceChannel } from '../channels/local/local-voice-channel.js';
import type { Core, Turn } from '../src/core/turn.js';
import type { TurnEvent } from '../src/types.js';
import { voiceSchema } from '../src/config/voice-schema.js';
import { silentLogger } from '../src/log.js';
import { createVoiceApp } from '../src/app/wire-voice.js';
import { readWav } from '../voice/audio/wav.js';
import { FakeStt } from '../voice/stt/fake-stt.js';
import type { Pcm16 } from '../voice/stt/stt.js';
import { createEspeakTts } from '../voice/tts/espeak-tts.js';
import { FakeTts } from '../voice/tts/fake-tts.js';
import type { TextToSpeech } from '../voice/tts/tts.js';
import { createEnergyVad } from '../voice/vad/energy-vad.js';
import { createEndpointer } from '../voice/vad/endpointer.js';
import { testRouter } from '../tests/helpers/router-areas.js';

const runs = 5;
const vocabulary = { container: ['plex-server', 'jellyfin'], host: ['nas'], mount: ['/'] };
/** The real areas' router (src/app/areas.ts) over unused dependencies: only its match and its grammar are needed. */
const router = testRouter();

function speak(text: string): Pcm16 {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-bench-'));
  try {
    spawnSync('espeak-ng', ['-w', join(folder, 'speech.wav'), text]);
    return readWav(readFileSync(join(folder, 'speech.wav'))).pcm;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function* frames(...parts: Pcm16[]): AsyncGenerator<Int16Array> {
  const all = parts.flatMap((part) => [...chunk(part.samples)]);
  yield* all;
}
function* chunk(samples: Int16Array): Generator<Int16Array> {
  for (let offset = 0; offset + 1280 <= samples.length; offset += 1280) yield samples.slice(offset, offset + 1280);
}
const quiet = (milliseconds: number): Pcm16 => ({ sampleRate: 16000, samples: new Int16Array(milliseconds * 16) });

/** A core that answers with the real router's intent and a fixed figure, `count` sentences, `gapMs` apart. */
function scriptedCore(count: number, gapMs: number): Core {
  return {
    async *handle(turn: Turn): AsyncGenerator<TurnEvent> {
      const intent = router.match(turn.text, vocabulary)?.intent ?? 'unknown';
      const sentences = [
        `The ${intent} is at 12 percent.`,
        'That is normal for this time of day.',
        'Nothing else needs your attention.',
      ].slice(0, count);
      for (const sentence of sentences) {
        if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
        yield { type: 'sentence', text: sentence };
      }
      yield { type: 'done', text: sentences.join(' '), source: 'router' };
    },
    resolveApproval: () => Promise.reject(new Error('the benchmark core answers turns only')),
    requestAction: () => Promise.reject(new Error('the benchmark core answers turns only')),
  };
}

async function firstAudioMs(run: (record: (stage: string, ms: number) => void) => Promise<void>): Promise<number> {
  const values: number[] = [];
  for (let index = 0; index < runs; index++) {
    let firstAudio = Number.NaN;
    await run((stage, ms) => {
      if (stage === 'first-audio') firstAudio = ms;
    });
    values.push(firstAudio);
  }
  return values.sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
}

function channelRun(core: Core, tts: TextToSpeech, question: Pcm16) {
  return (record: (stage: string, ms: number) => void) =>
    createLocalVoiceChannel({
      core,
      tts,
      stt: new FakeStt('instant', ['what is the cpu usage']),
      sink: createRecordingSink(),
      wake: new FakeWake([2]),
      source: frames(quiet(400), question, quiet(800)),
      createEndpointer: () => createEndpointer({ vad: createEnergyVad(), preset: 'fast' }),
      vocabulary: async () => vocabulary,
      timings: { record: (entry) => record(entry.stage, entry.ms) },
      waitForReplies: true,
      settings: { earcons: false, followUpSeconds: 0 },
    }).run();
}

const question = speak('what is the cpu usage');
const overhead = await firstAudioMs(channelRun(scriptedCore(1, 0), new FakeTts(), question));
const espeak = createEspeakTts();
const oneSentence = await firstAudioMs(channelRun(scriptedCore(1, 400), espeak, question));
const threeSentences = await firstAudioMs(channelRun(scriptedCore(3, 400), espeak, question));

const realVoice = createVoiceApp({
  config: voiceSchema.parse({
    stt: { engines: ['pocketsphinx'] },
    tts: { engines: ['espeak-ng'] },
    earcons: false,
    followUpSeconds: 0,
  }),
  core: scriptedCore(1, 0),
  vocabulary: async () => vocabulary,
  lexicon: router.lexicon,
  timings: { record: (entry) => currentRecord(entry.stage, entry.ms) },
  dataDir: tmpdir(),
  log: silentLogger,
});
let currentRecord: (stage: string, ms: number) => void = () => {};
const wakeAndQuestion = [quiet(400), speak('hey jarvis'), quiet(400), question, quiet(1200)];
const real = await firstAudioMs(async (record) => {
  currentRecord = record;
  await realVoice.runChannel({ source: frames(...wakeAndQuestion), sink: createRecordingSink(), waitForReplies: true });
});
await realVoice.close();

const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(58)} ${value}\n`);
line('end of speech -> first audio, median of 5 runs', '');
line('  real engines (pocketsphinx + router + espeak-ng)', `${real.toFixed(1)} ms`);
line(
  '  instant fake engines (pipeline overhead)',
  `${overhead.toFixed(1)} ms  (target <= 30 ms: ${overhead <= 30 ? 'met' : 'MISSED'})`,
);
line('  espeak-ng, core takes 400 ms per sentence, 1 sentence', `${oneSentence.toFixed(1)} ms`);
line('  espeak-ng, core takes 400 ms per sentence, 3 sentences', `${threeSentences.toFixed(1)} ms`);
const ratio = threeSentences / oneSentence;
line(
  '  3-sentence / 1-sentence first audio',
  `${ratio.toFixed(3)}  (target <= 1.10: ${ratio <= 1.1 ? 'met' : 'MISSED'})`,
);
line('  without streaming the 3-sentence answer would start after', `>= ${(oneSentence + 800).toFixed(0)} ms`);
