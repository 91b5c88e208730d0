import { silentLogger, type Logger } from '../../src/log.js';
import { alsaCapture } from './alsa.js';

export interface CaptureOptions {
  backend?: 'auto' | 'naudiodon' | 'alsa';
  device?: string;
  frameSamples?: number;
  signal?: AbortSignal;
  log?: Logger;
  /** Loads naudiodon; a parameter so tests can stand in for a machine that has it. */
  loadNaudiodon?: () => Promise<unknown>;
}

/**
 * Opens the microphone: naudiodon (PortAudio) when it loads, else the ALSA tools, with the reason logged.
 * naudiodon is optional (no 64-bit ARM build) and not a dependency; the ALSA path is the working default.
 */
export async function openCapture(options: CaptureOptions = {}): Promise<{ backend: 'naudiodon' | 'alsa'; frames: AsyncIterable<Int16Array> }> {
  const log = options.log ?? silentLogger;
  const backend = options.backend ?? 'auto';
  if (backend !== 'alsa') {
    const reason = await naudiodonUnavailable(options.loadNaudiodon ?? (() => import('naudiodon' as string)));
    if (!reason) log.warn('naudiodon loaded but its capture path is not implemented yet; using the ALSA tools');
    else log.info('using the ALSA tools for capture', { reason });
  }
  return { backend: 'alsa', frames: alsaCapture({ device: options.device, frameSamples: options.frameSamples, signal: options.signal }) };
}

async function naudiodonUnavailable(load: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await load();
    return undefined;
  } catch (error) {
    return `naudiodon could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}
