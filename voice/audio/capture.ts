import { silentLogger, type Logger } from '../../src/log.js';
import { alsaCapture } from './alsa.js';
import { AudioError } from './audio-error.js';
import { tryLoadNaudiodon, type LoadNaudiodon } from './naudiodon.js';
import { openNaudiodonCapture } from './naudiodon-io.js';
import { describeError } from '../../src/errors.js';

export interface CaptureOptions {
  backend?: 'auto' | 'naudiodon' | 'alsa';
  /** 'default', an ALSA name for arecord ("plughw:1,0"), or part of a PortAudio device name for naudiodon. */
  device?: string;
  frameSamples?: number;
  signal?: AbortSignal;
  log?: Logger;
  /** Loads naudiodon; a parameter so tests can stand in for a machine that has it (or lacks it). */
  loadNaudiodon?: LoadNaudiodon;
  /** The ALSA path; a parameter so tests can check the fallback without starting arecord. */
  alsa?: typeof alsaCapture;
}

export interface Capture {
  backend: 'naudiodon' | 'alsa';
  frames: AsyncIterable<Int16Array>;
  /** Why the ALSA tools are used when naudiodon was tried ('auto'). */
  fallbackReason?: string;
}

/**
 * Opens the microphone: naudiodon (PortAudio) when it loads and has the input device, else the ALSA tools,
 * with the reason logged. backend 'naudiodon' fails with an AudioError instead of falling back.
 * naudiodon is optional (no 64-bit ARM build), so the ALSA path is always there.
 */
export async function openCapture(options: CaptureOptions = {}): Promise<Capture> {
  const log = options.log ?? silentLogger;
  const backend = options.backend ?? 'auto';
  const alsa = () =>
    (options.alsa ?? alsaCapture)({
      device: options.device,
      frameSamples: options.frameSamples,
      signal: options.signal,
    });
  if (backend === 'alsa') return { backend: 'alsa', frames: alsa() };
  const tried = await tryNaudiodon(options);
  if ('frames' in tried) {
    log.info('capturing through naudiodon (PortAudio)', { device: options.device ?? 'default' });
    return { backend: 'naudiodon', frames: tried.frames };
  }
  if (backend === 'naudiodon')
    throw new AudioError('device', `${tried.reason}; set voice.audio.backend: auto or alsa to use arecord.`);
  log.info('using the ALSA tools for capture', { reason: tried.reason });
  return { backend: 'alsa', frames: alsa(), fallbackReason: tried.reason };
}

async function tryNaudiodon(
  options: CaptureOptions,
): Promise<{ frames: AsyncGenerator<Int16Array> } | { reason: string }> {
  const loaded = await tryLoadNaudiodon(options.loadNaudiodon);
  if ('reason' in loaded) return loaded;
  try {
    return {
      frames: openNaudiodonCapture(loaded.module, {
        device: options.device,
        frameSamples: options.frameSamples,
        signal: options.signal,
      }),
    };
  } catch (error) {
    return { reason: describeError(error) };
  }
}
