import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { listenToFile } from '../../../channels/local/listen-file.js';
import type { LocalChannelEvent } from '../../../channels/local/ports.js';
import { neutraliseControls } from '../../toolkit/terminal-safe.js';
import { withApp } from '../context.js';

/** One line per thing a person would notice: what was heard, what was answered. */
export function describeEvent(event: LocalChannelEvent): string | undefined {
  switch (event.type) {
    case 'wake-detected':
      return `wake word: ${event.name} (${event.score.toFixed(2)})`;
    case 'heard':
      return `heard: ${event.text}`;
    case 'answered':
      return `answered: ${event.text}`;
    case 'nothing-heard':
      return `nothing heard (${event.reason})`;
    case 'barge-in':
      return `stopped by ${event.by}`;
    case 'error':
      return `error: ${event.message}`;
  }
}

export function registerListen(program: Command): void {
  program
    .command('listen')
    .description('the mic loop (wake word, then ask); with --file, the same pipeline over a WAV file')
    .option('-f, --file <wav>', 'read this WAV file instead of the microphone')
    .option('-o, --out <wav>', 'with --file: where to write the spoken answer (default: a file in the temp folder)')
    .action(async (options: { file?: string; out?: string }, command: Command) => {
      if (options.file) checkWavPath(options.file);
      await withApp(command, {}, async (app) => {
        const print = (event: LocalChannelEvent) => {
          const line = describeEvent(event);
          if (line) process.stdout.write(`${neutraliseControls(line)}\n`);
        };
        if (options.file) {
          const outPath = resolve(options.out ?? join(tmpdir(), `sysvox-reply-${Date.now()}.wav`));
          const result = await listenToFile({
            runChannel: (run) => app.voice.runChannel(run),
            path: options.file,
            outPath,
            maxBytes: app.loaded.config.voice.audio.maxWavBytes,
            onEvent: print,
          });
          if (result.heard.length === 0)
            process.stdout.write('heard nothing: no wake word followed by speech in that file\n');
          process.stdout.write(`reply audio: ${result.outPath} (${result.replySeconds.toFixed(1)} s)\n`);
          return;
        }
        const stop = new AbortController();
        process.once('SIGINT', () => stop.abort());
        process.once('SIGTERM', () => stop.abort());
        app.sampler.start(); // a long-running loop: keep the metrics fresh
        process.stdout.write('listening for the wake word; Ctrl-C stops\n');
        const result = await app.voice.runMicrophone({ signal: stop.signal, onEvent: print });
        if (!result.started) throw new Error(`cannot listen: ${result.reason}`);
      });
    });
}

/** A missing file, a folder or a device gets one sentence before any engine is loaded, not a raw system error. */
function checkWavPath(path: string): void {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new Error(`cannot listen to ${path}: there is no such file`);
  if (!stat.isFile()) throw new Error(`cannot listen to ${path}: it is not a regular file (give a WAV file)`);
}
