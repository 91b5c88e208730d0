import { writeFile } from 'node:fs/promises';
import { writeWav } from '../../voice/audio/wav.js';
import { wavFileSource } from '../../voice/audio/sources.js';
import { createRecordingSink } from './audio-sinks.js';
import type { AudioSink, LocalChannelEvent } from './ports.js';

/** What `runChannel` needs: the voice app's channel runner, or any stand-in. */
export type ChannelRunner = (options: {
  source: AsyncIterable<Int16Array>;
  sink: AudioSink;
  waitForReplies?: boolean;
  onEvent?: (event: LocalChannelEvent) => void;
}) => Promise<void>;

export interface ListenFileResult {
  heard: string[];
  answered: string[];
  events: LocalChannelEvent[];
  outPath: string;
  /** Length of the reply audio written (earcons included). */
  replySeconds: number;
}

/** Sample rate of the reply WAV: espeak-ng's and most Piper voices' rate, so nothing is resampled. */
const replySampleRate = 22050;

/**
 * `sysvox listen --file`: the mic pipeline over a WAV file (wake word, endpointing, STT, core, TTS);
 * everything the speaker would have played is written to `outPath`. A bad file throws an AudioError
 * that says what is wrong with it.
 */
export async function listenToFile(options: {
  runChannel: ChannelRunner;
  path: string;
  outPath: string;
  maxBytes?: number;
  onEvent?: (event: LocalChannelEvent) => void;
}): Promise<ListenFileResult> {
  const sink = createRecordingSink();
  const events: LocalChannelEvent[] = [];
  await options.runChannel({
    source: wavFileSource(options.path, { maxBytes: options.maxBytes }),
    sink,
    waitForReplies: true,
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  const samples = sink.samples(replySampleRate);
  await writeFile(options.outPath, writeWav(samples, replySampleRate));
  return {
    heard: events.flatMap((event) => (event.type === 'heard' ? [event.text] : [])),
    answered: events.flatMap((event) => (event.type === 'answered' ? [event.text] : [])),
    events,
    outPath: options.outPath,
    replySeconds: samples.length / replySampleRate,
  };
}
