import { EngineError, describeError } from '../../src/errors.js';

export interface PorcupineOptions {
  accessKey?: string;
  keywordPaths: string[];
  sensitivities?: number[];
  /** Loads @picovoice/porcupine-node (not a dependency: install it to use Porcupine). */
  load?: () => Promise<unknown>;
}

/**
 * Porcupine wake word (optional engine). Its AccessKey is checked online when the engine starts, so it can
 * never be the default; any failure becomes an EngineError that says what to do.
 */
export async function createPorcupineWake(options: PorcupineOptions): Promise<never> {
  if (!options.accessKey) {
    throw new EngineError('porcupine', 'Porcupine needs an AccessKey: set voice.wake.porcupine.accessKey, or use voice.wake.engine: openwakeword.');
  }
  const load = options.load ?? (() => import('@picovoice/porcupine-node' as string));
  let module: { Porcupine?: new (key: string, paths: string[], sensitivities: number[]) => unknown };
  try {
    module = (await load()) as typeof module;
  } catch (error) {
    throw new EngineError('porcupine', `@picovoice/porcupine-node is not installed (${describeError(error).split('\n')[0]}): npm install @picovoice/porcupine-node, or use voice.wake.engine: openwakeword.`, { cause: error });
  }
  try {
    if (!module.Porcupine) throw new Error('the package exports no Porcupine class');
    new module.Porcupine(options.accessKey, options.keywordPaths, options.sensitivities ?? options.keywordPaths.map(() => 0.5));
  } catch (error) {
    throw new EngineError('porcupine', `Porcupine refused to start (its AccessKey is checked online: ${describeError(error)}); check the key and the network, or use voice.wake.engine: openwakeword.`, { cause: error });
  }
  throw new EngineError('porcupine', 'Porcupine started but its frame adapter is not implemented in this build; use voice.wake.engine: openwakeword.');
}
