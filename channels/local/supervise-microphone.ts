import { createBackoff } from '../../src/backoff.js';
import { describeError } from '../../src/errors.js';
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
  const sleep = options.sleep ?? pause;
  const backoff = createBackoff({ initialMs: options.initialDelayMs ?? 2000, maxMs: options.maxDelayMs ?? 60_000 });
  while (!signal.aborted) {
    const startedAt = Date.now();
    let ended: { level: 'warn' | 'error'; message: string; fields: Record<string, unknown> };
    try {
      const result = await voice.runMicrophone({ signal });
      if (!result.started) {
        log.warn('mic loop not started; the core and chat channels keep running', { reason: result.reason });
        return;
      }
      if (signal.aborted) return;
      ended = { level: 'warn', message: 'mic loop ended; starting it again', fields: { detail: result.reason } };
    } catch (error) {
      if (signal.aborted) return;
      ended = {
        level: 'error',
        message: 'mic loop failed; starting it again',
        fields: { error: describeError(error) },
      };
    }
    // A loop that ran for a good while was healthy: start again soon rather than after a long backoff.
    backoff.resetIfRanFor(Date.now() - startedAt);
    const delay = backoff.next();
    log[ended.level](ended.message, { ...ended.fields, inMs: delay });
    await sleep(delay, signal);
  }
}
