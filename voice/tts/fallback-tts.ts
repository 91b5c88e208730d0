import { EngineError, describeError } from '../../src/errors.js';
import { silentLogger, type Logger } from '../../src/log.js';
import type { EngineProbe } from '../../src/probe.js';
import { probeChain, probeEach } from '../engine-chain-probe.js';
import type { AudioChunk, TextToSpeech } from './tts.js';

export interface FallbackTts extends TextToSpeech {
  /** One probe line per engine, in order. */
  probeAll(): Promise<EngineProbe[]>;
}

/**
 * Tries engines in order (Piper, then espeak-ng). An engine that fails before its first audio falls
 * through to the next; once audio has been yielded a failure is thrown, so no sentence is spoken twice.
 */
export function createFallbackTts(engines: TextToSpeech[], log: Logger = silentLogger): FallbackTts {
  if (engines.length === 0) throw new EngineError('tts', 'no text-to-speech engine configured: set voice.tts.engines');

  async function* synthesize(text: string, options: { signal?: AbortSignal } = {}): AsyncGenerator<AudioChunk> {
    const failures: string[] = [];
    for (const engine of engines) {
      let yielded = false;
      try {
        for await (const chunk of engine.synthesize(text, options)) {
          yielded = true;
          yield chunk;
        }
        return;
      } catch (error) {
        if (yielded || options.signal?.aborted) throw error;
        failures.push(`${engine.name}: ${describeError(error)}`);
        log.warn('text-to-speech engine failed; trying the next', { engine: engine.name, error });
      }
    }
    throw new EngineError('tts', `every text-to-speech engine failed (${failures.join('; ')})`);
  }

  return {
    name: `fallback(${engines.map((engine) => engine.name).join(',')})`,
    synthesize,
    probeAll: () => probeEach('tts', engines),
    probe: () => probeChain('tts', engines),
    async close() {
      await Promise.all(engines.map((engine) => engine.close?.()));
    },
  };
}
