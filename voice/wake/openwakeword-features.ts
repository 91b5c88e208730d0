import '../no-telemetry.js';
import * as ort from 'onnxruntime-node';

/**
 * openWakeWord's streaming feature pipeline (openwakeword/utils.py, AudioFeatures), one 80 ms frame at a time:
 * melspectrogram over the last 1280 + 480 samples (float32 of the raw int16 values), transformed x / 10 + 2;
 * the mel buffer starts as 76 rows of ones; one 96-value embedding from the last 76 mel rows per frame;
 * the embedding buffer starts with embeddings of 4 s of random noise in [-1000, 1000].
 */
export const frameSamples = 1280;
const contextSamples = 480;
const melBins = 32;
const melWindow = 76;
const embeddingSize = 96;

export interface FeatureSessions {
  mel: ort.InferenceSession;
  embedding: ort.InferenceSession;
}

export class OpenWakeWordFeatures {
  private raw: Float32Array = new Float32Array(0);
  private mel: Float32Array = new Float32Array(0);
  private embeddings: Float32Array = new Float32Array(0);
  private initialEmbeddings: Float32Array = new Float32Array(0);

  constructor(
    private readonly sessions: FeatureSessions,
    private readonly keepEmbeddings: number,
  ) {}

  /** Computes the noise-seeded starting embeddings (once); call before the first frame. */
  async initialise(): Promise<void> {
    const noise = new Float32Array(16000 * 4);
    let seed = 12345;
    for (let index = 0; index < noise.length; index++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      noise[index] = Math.floor((seed / 2147483648) * 2000) - 1000;
    }
    const mel = await this.melspectrogram(noise);
    const windows: Float32Array[] = [];
    for (let start = 0; (start + melWindow) * melBins <= mel.length; start += 8) {
      windows.push(mel.subarray(start * melBins, (start + melWindow) * melBins));
    }
    this.initialEmbeddings = await this.embed(windows);
    this.reset();
  }

  reset(): void {
    this.raw = new Float32Array(0);
    this.mel = new Float32Array(melWindow * melBins).fill(1);
    this.embeddings = this.initialEmbeddings.slice(-this.keepEmbeddings * embeddingSize);
  }

  /** Adds one 1280-sample frame; returns the newest `count` embeddings, oldest first, as [count * 96]. */
  async push(frame: Int16Array): Promise<void> {
    const raw = new Float32Array(Math.min(this.raw.length + frame.length, frameSamples + contextSamples));
    const keep = raw.length - frame.length;
    raw.set(this.raw.subarray(this.raw.length - keep));
    for (let index = 0; index < frame.length; index++) raw[keep + index] = frame[index] ?? 0;
    this.raw = raw;
    const newMel = await this.melspectrogram(raw);
    this.mel = appendKeepingLast(this.mel, newMel, melWindow * melBins);
    const embedding = await this.embed([this.mel]);
    this.embeddings = appendKeepingLast(this.embeddings, embedding, this.keepEmbeddings * embeddingSize);
  }

  /** The newest `count` embeddings as a [1, count, 96] tensor. */
  features(count: number): ort.Tensor {
    const data = this.embeddings.slice(-count * embeddingSize);
    return new ort.Tensor('float32', data, [1, count, embeddingSize]);
  }

  private async melspectrogram(samples: Float32Array): Promise<Float32Array> {
    const input = new ort.Tensor('float32', samples, [1, samples.length]);
    const output = await this.sessions.mel.run({ [this.sessions.mel.inputNames[0] ?? 'input']: input });
    const values = firstOutput(output).data as Float32Array;
    const transformed = new Float32Array(values.length);
    for (let index = 0; index < values.length; index++) transformed[index] = (values[index] ?? 0) / 10 + 2;
    return transformed;
  }

  private async embed(windows: Float32Array[]): Promise<Float32Array> {
    const batch = new Float32Array(windows.length * melWindow * melBins);
    windows.forEach((window, index) => batch.set(window, index * melWindow * melBins));
    const input = new ort.Tensor('float32', batch, [windows.length, melWindow, melBins, 1]);
    const output = await this.sessions.embedding.run({ [this.sessions.embedding.inputNames[0] ?? 'input_1']: input });
    return new Float32Array(firstOutput(output).data as Float32Array);
  }
}

export function firstOutput(output: ort.InferenceSession.OnnxValueMapType): ort.Tensor {
  const tensor = Object.values(output)[0];
  if (!tensor) throw new Error('the ONNX model returned no output');
  return tensor as ort.Tensor;
}

function appendKeepingLast(buffer: Float32Array, added: Float32Array, maxLength: number): Float32Array {
  const length = Math.min(buffer.length + added.length, maxLength);
  const result = new Float32Array(length);
  const fromBuffer = length - Math.min(added.length, length);
  result.set(buffer.subarray(buffer.length - fromBuffer), 0);
  result.set(added.subarray(added.length - (length - fromBuffer)), fromBuffer);
  return result;
}
