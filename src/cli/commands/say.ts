import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createAlsaSink, createRecordingSink } from '../../../channels/local/audio-sinks.js';
import { writeWav } from '../../../voice/audio/wav.js';
import { toSpeakable } from '../../../voice/speakable.js';
import { withApp } from '../context.js';

export function registerSay(program: Command): void {
  program
    .command('say')
    .description('speak text through the playback device (or write it to a WAV with --out)')
    .argument('<words...>', 'what to say')
    .option('-o, --out <wav>', 'write the speech to this WAV file instead of playing it')
    .action(async (words: string[], options: { out?: string }, command: Command) => {
      await withApp(command, {}, async (app) => {
        const speech = app.voice.speech();
        const text = toSpeakable(words.join(' '));
        const recorder = createRecordingSink();
        const sink = options.out ? recorder : createAlsaSink({ device: app.loaded.config.voice.audio.playbackDevice });
        let sampleRate = 22050;
        for await (const chunk of speech.synthesize(text)) {
          sampleRate = chunk.sampleRate;
          await sink.play(chunk);
        }
        if (options.out) {
          await writeFile(options.out, writeWav(recorder.samples(sampleRate), sampleRate));
          process.stdout.write(`wrote ${options.out}\n`);
        }
      });
    });
}
