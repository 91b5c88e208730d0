import { existsSync } from 'node:fs';
import '../no-telemetry.js';
import * as ort from 'onnxruntime-node';
import { EngineError, describeError } from '../../src/errors.js';
import { silentLogger, type Logger } from '../../src/log.js';
import type { EngineProbe } from '../../src/probe.js';
import { findModel, wakeWordLicense } from '../../models/manifest.js';
import { resolveModel } from '../../models/resolve-model.js';
import { DetectionGate } from './detection-gate.js';
import { OpenWakeWordFeatures, firstOutput, frameSamples } from './openwakeword-features.js';
import type { WakeDetection, WakeMode, WakeWordDetector } from './wake.js';
import { joinSamples } from '../audio/join-samples.js';
import { alwaysOnSessionOptions } from '../onnx-session-options.js';

export interface WakeModelConfig {
  name: string;
  /** A custom .onnx; manifest models (hey_jarvis, alexa, hey_mycroft, hey_marvin) need none. */
  path?: string;
  threshold?: number;
}

export interface OpenWakeWordOptions {
  models?: WakeModelConfig[];
  threshold?: number;
  speakingThreshold?: number;
  patience?: number;
  refractoryMs?: number;
  resolve?: (name: string) => Promise<string>;
  log?: Logger;
}

interface LoadedModel {
  name: string;
  session: ort.InferenceSession;
  inputName: string;
  embeddingCount: number;
  gate: DetectionGate;
}

/** openWakeWord reports 0 for the first frames while its buffers fill with real audio. */
const warmupFrames = 5;

/** openWakeWord on onnxruntime-node: shared mel + embedding models, then every configured wake model. */
export async function createOpenWakeWord(options: OpenWakeWordOptions = {}): Promise<WakeWordDetector> {
  const resolve = options.resolve ?? ((name: string) => resolveModel(name));
  const log = options.log ?? silentLogger;
  const configs = options.models ?? [{ name: 'hey_jarvis' }];
  const mel = await openSession('melspectrogram', await resolve('melspectrogram'));
  const embedding = await openSession('embedding', await resolve('embedding'));
  const models = await Promise.all(configs.map((config) => loadWakeModel(config, options, resolve)));
  if (configs.some((config) => findModel(config.name)?.kind === 'wake'))
    log.info('openWakeWord pre-trained models', { license: wakeWordLicense });
  const features = new OpenWakeWordFeatures(
    { mel, embedding },
    Math.max(...models.map((model) => model.embeddingCount)),
  );
  await features.initialise();
  return new OpenWakeWordDetector(features, models);
}

class OpenWakeWordDetector implements WakeWordDetector {
  readonly name = 'openwakeword';
  readonly frameSamples = frameSamples;
  private mode: WakeMode = 'normal';
  private pending = new Int16Array(0);
  private samplesSeen = 0;
  private framesSeen = 0;

  constructor(
    private readonly features: OpenWakeWordFeatures,
    private readonly models: LoadedModel[],
  ) {}

  async process(frame: Int16Array): Promise<WakeDetection[]> {
    const detections: WakeDetection[] = [];
    let audio = joinSamples(this.pending, frame);
    while (audio.length >= frameSamples) {
      detections.push(...(await this.processFrame(audio.subarray(0, frameSamples))));
      audio = audio.subarray(frameSamples);
    }
    this.pending = audio.slice();
    return detections;
  }

  /** The latest score per model (for tests, tuning and `sysvox doctor`). */
  lastScores: Record<string, number> = {};

  setMode(mode: WakeMode): void {
    this.mode = mode;
  }

  reset(): void {
    this.features.reset();
    this.models.forEach((model) => model.gate.reset());
    this.pending = new Int16Array(0);
    this.samplesSeen = 0;
    this.framesSeen = 0;
  }

  async probe(): Promise<EngineProbe> {
    const names = this.models.map((model) => model.name).join(', ');
    return {
      name: 'wake: openWakeWord',
      status: 'ok',
      detail: `models ${names}; pre-trained wake words are ${wakeWordLicense}`,
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.models.map((model) => model.session.release()));
  }

  private async processFrame(frame: Int16Array): Promise<WakeDetection[]> {
    await this.features.push(frame);
    this.samplesSeen += frame.length;
    this.framesSeen += 1;
    const scores = await Promise.all(this.models.map((model) => scoreModel(model, this.features)));
    const detections: WakeDetection[] = [];
    this.models.forEach((model, index) => {
      const score = this.framesSeen <= warmupFrames ? 0 : (scores[index] ?? 0);
      this.lastScores[model.name] = score;
      if (model.gate.accept(score, this.samplesSeen, this.mode)) {
        detections.push({ name: model.name, score, endSample: this.samplesSeen, endMs: this.samplesSeen / 16 });
      }
    });
    return detections;
  }
}

async function scoreModel(model: LoadedModel, features: OpenWakeWordFeatures): Promise<number> {
  const output = await model.session.run({ [model.inputName]: features.features(model.embeddingCount) });
  return (firstOutput(output).data as Float32Array)[0] ?? 0;
}

async function loadWakeModel(
  config: WakeModelConfig,
  options: OpenWakeWordOptions,
  resolve: (name: string) => Promise<string>,
): Promise<LoadedModel> {
  const path = config.path ?? (findModel(config.name)?.kind === 'wake' ? await resolve(config.name) : undefined);
  if (!path) {
    throw new EngineError(
      'openwakeword',
      `Wake model "${config.name}" is not a pre-trained model (hey_jarvis, alexa, hey_mycroft, hey_marvin): set voice.wake.models[].path to its .onnx file.`,
    );
  }
  const session = await openSession(config.name, path);
  const metadata = session.inputMetadata[0];
  const shape = metadata && 'shape' in metadata ? metadata.shape : [];
  const embeddingCount = typeof shape[1] === 'number' ? shape[1] : 16;
  const threshold = config.threshold ?? options.threshold ?? 0.5;
  const gate = new DetectionGate({
    threshold,
    speakingThreshold: options.speakingThreshold ?? 0.85,
    patience: options.patience ?? 1,
    refractorySamples: ((options.refractoryMs ?? 2000) / 1000) * 16000,
  });
  return { name: config.name, session, inputName: session.inputNames[0] ?? 'input', embeddingCount, gate };
}

async function openSession(name: string, path: string): Promise<ort.InferenceSession> {
  if (!existsSync(path))
    throw new EngineError(
      'openwakeword',
      `Wake model file for "${name}" not found at ${path}: run scripts/fetch-models or fix the path.`,
    );
  try {
    return await ort.InferenceSession.create(path, alwaysOnSessionOptions);
  } catch (error) {
    throw new EngineError('openwakeword', `Could not load ONNX model "${name}" from ${path}: ${describeError(error)}`, {
      cause: error,
    });
  }
}
