/** Capture and playback through naudiodon (PortAudio): 16-bit mono PCM in 80 ms frames, or a buffer played out. */
import { AudioError } from './audio-error.js';
import {
  findDeviceId,
  naudiodonDeviceError,
  streamOptions,
  tryLoadNaudiodon,
  type LoadNaudiodon,
  type NaudiodonModule,
  type NaudiodonReadStream,
  type NaudiodonWriteStream,
} from './naudiodon.js';
import { rawPcmSource } from './sources.js';

export interface NaudiodonCaptureOptions {
  /** A name from config: 'default' or part of a PortAudio device name. */
  device?: string;
  frameSamples?: number;
  signal?: AbortSignal;
}

/**
 * Opens the input stream now (so a missing device fails here, not on the first read) and returns its frames.
 * Throws an AudioError when the device is not listed or PortAudio refuses to open it.
 */
export function openNaudiodonCapture(
  module: NaudiodonModule,
  options: NaudiodonCaptureOptions = {},
): AsyncGenerator<Int16Array> {
  const device = options.device ?? 'default';
  const found = findDeviceId(module, device, 'capture');
  if ('reason' in found)
    throw new AudioError('device', `${found.reason}. Check voice.audio.captureDevice against \`sysvox devices\`.`);
  let stream: NaudiodonReadStream;
  try {
    stream = module.AudioIO({ inOptions: streamOptions(module, found.id, 16000) });
  } catch (error) {
    throw naudiodonDeviceError('open capture device', device, error);
  }
  return naudiodonFrames(stream, device, options);
}

/** Frames of a started naudiodon input stream; ends when aborted, or with an AudioError when the device fails. */
export async function* naudiodonFrames(
  stream: NaudiodonReadStream,
  device: string,
  options: NaudiodonCaptureOptions = {},
): AsyncGenerator<Int16Array> {
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    stream.abort();
    stream.destroy();
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    if (options.signal?.aborted) return;
    stream.start();
    yield* rawPcmSource(stream, { frameSamples: options.frameSamples });
  } catch (error) {
    if (options.signal?.aborted) return;
    throw naudiodonDeviceError('capture from', device, error);
  } finally {
    options.signal?.removeEventListener('abort', stop);
    stop();
  }
}

export interface NaudiodonPlayerOptions {
  /** A name from config: 'default' or part of a PortAudio device name. */
  device?: string;
  load?: LoadNaudiodon;
}

export type NaudiodonPlayer = (pcm: Buffer, options: { sampleRate: number; signal?: AbortSignal }) => Promise<void>;

/**
 * Plays raw S16_LE mono PCM through PortAudio, one buffer per call; resolves when played (or aborted),
 * rejects with an AudioError. naudiodon is loaded and the device looked up on the first call, not per
 * sentence (each lookup makes PortAudio scan the sound cards again); a failed lookup is tried again.
 */
export function createNaudiodonPlayer(options: NaudiodonPlayerOptions = {}): NaudiodonPlayer {
  const device = options.device ?? 'default';
  let target: Promise<{ module: NaudiodonModule; id: number }> | undefined;
  const findTarget = async () => {
    const module = await loadOrThrow(options.load);
    const found = findDeviceId(module, device, 'playback');
    if ('reason' in found)
      throw new AudioError('device', `${found.reason}. Check voice.audio.playbackDevice against \`sysvox devices\`.`);
    return { module, id: found.id };
  };
  return async (pcm, play) => {
    target ??= findTarget().catch((error: unknown) => {
      target = undefined;
      throw error;
    });
    const { module, id } = await target;
    let stream: NaudiodonWriteStream;
    try {
      stream = module.AudioIO({ outOptions: streamOptions(module, id, play.sampleRate) });
    } catch (error) {
      throw naudiodonDeviceError('open playback device', device, error);
    }
    await playThrough(stream, pcm, device, play.signal);
  };
}

function playThrough(stream: NaudiodonWriteStream, pcm: Buffer, device: string, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: unknown) => {
      signal?.removeEventListener('abort', abort);
      if (error && !signal?.aborted) reject(naudiodonDeviceError('play on', device, error));
      else resolve();
    };
    const abort = () => {
      stream.abort();
      stream.destroy();
      finish();
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    stream.once('error', finish);
    stream.once('finished', () => finish());
    stream.start();
    stream.write(pcm);
    stream.end();
  });
}

async function loadOrThrow(load?: LoadNaudiodon): Promise<NaudiodonModule> {
  const loaded = await tryLoadNaudiodon(load);
  if ('reason' in loaded)
    throw new AudioError('device', `${loaded.reason}; set voice.audio.backend: alsa to play through aplay.`);
  return loaded.module;
}
