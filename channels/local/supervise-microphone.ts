import type { Logger } from '../../src/log.js';
import { pause } from '../../src/pause.js';

export interface MicrophoneRunner {
  runMicrophone(options: { signal?: AbortSignal }): Promise<{ started: boolean; reason: string }>;
}

export interface SuperviseOptions {
  signal: AbortSignal;
  log: Logger;
  initialDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Keeps the mic loop running for a 24/7 service: a loop that ends or fails (a USB microphone
 * unplugged, arecord killed) is started again with a growing delay. With no capture device at all it
 * says why once and stops trying; the core and chat channels keep running either way.
 */
export async function superviseMicrophone(voice: MicrophoneRunner, options: SuperviseOptions): Promise<void> {
  const { signal, log } = options;
  const maxDelay = options.maxDelayMs ?? 60_000;
  const sleep = options.sleep ?? pause;
  let delay = options.initialDelayMs ?? 2000;
  while (!signal.aborted) {
    const startedAt = Date.now();
    try {
      const result = await voice.runMicrophone({ signal });
      if (!result.started) {
        log.warn('mic loop not started; the core and chat channels keep running', { reason: result.reason });
        return;
      }
      if (signal.aborted) return;
      log.warn('mic loop ended; starting it again', { detail: result.reason, inMs: delay });
    } catch (error) {
      if (signal.aborted) return;
      log.error('mic loop failed; starting it again', {
        error: error instanceof Error ? error.message : String(error),
        inMs: delay,
      });
    }
    // A loop that ran for a good while was healthy: start again soon rather than after a long backoff.
    if (Date.now() - startedAt > maxDelay) delay = options.initialDelayMs ?? 2000;
    await sleep(delay, signal);
    delay = Math.min(delay * 2, maxDelay);
  }
}
