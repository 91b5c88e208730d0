import { EngineError, describeError } from '../../src/errors.js';
import { silentLogger, type Logger } from '../../src/log.js';
import { PorcupineDetector, keywordName, type PorcupineEngine } from './porcupine-detector.js';
import type { WakeWordDetector } from './wake.js';

export interface PorcupineOptions {
  accessKey?: string;
  /** .ppn keyword files from the Picovoice Console; the keyword name comes from the file name. */
  keywordPaths: string[];
  /** One per keyword, 0..1; 0.5 each when omitted. */
  sensitivities?: number[];
  refractoryMs?: number;
  /** Keep the wake word armed while sysvox speaks (default: muted, as Porcupine has no score to raise). */
  armedWhileSpeaking?: boolean;
  /** Loads @picovoice/porcupine-node (not a dependency: install it to use Porcupine). */
  load?: () => Promise<unknown>;
  log?: Logger;
}

type PorcupineClass = new (accessKey: string, keywordPaths: string[], sensitivities: number[]) => PorcupineEngine;

const offlineHint = 'openWakeWord works offline: set voice.wake.engine: openwakeword';

/**
 * Porcupine wake word (optional engine). Its AccessKey is checked online when the engine starts, so it can
 * never be the default; any failure becomes an EngineError that says what to do.
 */
export async function createPorcupineWake(options: PorcupineOptions): Promise<WakeWordDetector> {
  if (!options.accessKey) {
    throw new EngineError(
      'porcupine',
      `Porcupine needs an AccessKey: set voice.wake.porcupine.accessKey, or ${offlineHint}.`,
    );
  }
  const Porcupine = await loadPorcupineClass(options.load ?? (() => import('@picovoice/porcupine-node' as string)));
  if (options.keywordPaths.length === 0) {
    throw new EngineError(
      'porcupine',
      `Porcupine has no keyword: set voice.wake.porcupine.keywordPaths to .ppn files from the Picovoice Console, or ${offlineHint}.`,
    );
  }
  const sensitivities = options.sensitivities ?? options.keywordPaths.map(() => 0.5);
  let engine: PorcupineEngine;
  try {
    engine = new Porcupine(options.accessKey, options.keywordPaths, sensitivities);
  } catch (error) {
    throw startError(error);
  }
  if (engine.sampleRate !== 16000) {
    engine.release();
    throw new EngineError(
      'porcupine',
      `Porcupine wants ${engine.sampleRate} Hz audio but sysvox captures 16000 Hz; ${offlineHint}.`,
    );
  }
  const keywords = options.keywordPaths.map(keywordName);
  (options.log ?? silentLogger).info('Porcupine started', { keywords, frameLength: engine.frameLength });
  return new PorcupineDetector(engine, {
    keywords,
    refractoryMs: options.refractoryMs,
    armedWhileSpeaking: options.armedWhileSpeaking,
  });
}

async function loadPorcupineClass(load: () => Promise<unknown>): Promise<PorcupineClass> {
  let module: { Porcupine?: unknown; default?: { Porcupine?: unknown } };
  try {
    module = (await load()) as typeof module;
  } catch (error) {
    throw new EngineError(
      'porcupine',
      `@picovoice/porcupine-node is not installed (${describeError(error).split('\n')[0]}): npm install @picovoice/porcupine-node, or ${offlineHint}.`,
      { cause: error },
    );
  }
  const Porcupine = module.Porcupine ?? module.default?.Porcupine;
  if (typeof Porcupine !== 'function')
    throw new EngineError(
      'porcupine',
      `@picovoice/porcupine-node exports no Porcupine class: reinstall it, or ${offlineHint}.`,
    );
  return Porcupine as PorcupineClass;
}

/** Activation errors (PorcupineActivationError, ...LimitReached, ...Refused, ...Throttled) mean the online key check failed. */
function startError(error: unknown): EngineError {
  const name = error instanceof Error ? `${error.name} ${error.constructor.name}` : '';
  const text = describeError(error);
  if (/Activation/i.test(name) || /AccessKey|activat/i.test(text)) {
    return new EngineError(
      'porcupine',
      `Porcupine's AccessKey check failed (${text}). Porcupine checks its AccessKey online each time it starts, so it needs the internet and a valid key (voice.wake.porcupine.accessKey); ${offlineHint}.`,
      { cause: error },
    );
  }
  return new EngineError(
    'porcupine',
    `Porcupine refused to start (${text}): check voice.wake.porcupine.keywordPaths (.ppn files for this platform and Porcupine version), or ${offlineHint}.`,
    { cause: error },
  );
}
