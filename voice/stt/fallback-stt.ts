import { EngineError, describeError } from '../../src/errors.js';
import { silentLogger, type Logger } from '../../src/log.js';
import type { EngineProbe } from '../../src/probe.js';
import { probeChain, probeEach } from '../engine-chain-probe.js';
import type { Pcm16, SpeechToText, SttHints, Transcript } from './stt.js';

export interface FallbackStt extends SpeechToText {
  /** One probe line per engine, in order. */
  probeAll(): Promise<EngineProbe[]>;
}

/**
 * Tries engines in order. An engine that fails falls through to the next; one that hears nothing
 * (an empty transcript) is an answer, not a failure. An abort is never retried elsewhere.
 */
export function createFallbackStt(engines: SpeechToText[], log: Logger = silentLogger): FallbackStt {
  if (engines.length === 0) throw new EngineError('stt', 'no speech-to-text engine configured: set voice.stt.engines');

  async function transcribe(
    audio: Pcm16,
    options: { signal?: AbortSignal; hints?: SttHints } = {},
  ): Promise<Transcript> {
    const failures: string[] = [];
    for (const engine of engines) {
      try {
        return await engine.transcribe(audio, options);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        failures.push(`${engine.name}: ${describeError(error)}`);
        log.warn('speech-to-text engine failed; trying the next', { engine: engine.name, error });
      }
    }
    throw new EngineError('stt', `every speech-to-text engine failed (${failures.join('; ')})`, {
      spoken: 'I could not understand that because my speech recognition failed.',
    });
  }

  return {
    name: `fallback(${engines.map((engine) => engine.name).join(',')})`,
    transcribe,
    probeAll: () => probeEach('stt', engines),
    probe: () => probeChain('stt', engines),
    async close() {
      await Promise.all(engines.map((engine) => engine.close?.()));
    },
  };
}
