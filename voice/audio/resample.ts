/**
 * Windowed-sinc resampler (Blackman window, 16 zero crossings, a low-pass at the lower Nyquist).
 * The wavefile package's toSampleRate is the same idea but took 70 s for ten minutes of 48 kHz audio here; this one
 * uses a precomputed kernel table and takes about a second, so a long file cannot stall the service.
 */
const zeroCrossings = 16;
const tableResolution = 512;
const kernelTable = buildKernelTable();

function buildKernelTable(): Float32Array {
  const table = new Float32Array(zeroCrossings * tableResolution + 2);
  for (let index = 0; index < table.length; index++) {
    const x = index / tableResolution;
    if (x >= zeroCrossings) break;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const phase = Math.PI * (x / zeroCrossings + 1);
    const blackman = 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
    table[index] = sinc * blackman;
  }
  return table;
}

function kernel(distance: number): number {
  const position = Math.abs(distance) * tableResolution;
  const index = Math.floor(position);
  if (index >= zeroCrossings * tableResolution) return 0;
  const fraction = position - index;
  const low = kernelTable[index] ?? 0;
  const high = kernelTable[index + 1] ?? 0;
  return low + (high - low) * fraction;
}

/** Resamples mono float audio from one rate to another. */
export function resampleMono(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input.slice();
  const ratio = toRate / fromRate;
  const cutoff = ratio < 1 ? ratio * 0.97 : 1;
  const halfWidth = zeroCrossings / cutoff;
  const output = new Float32Array(Math.round(input.length * ratio));
  for (let outIndex = 0; outIndex < output.length; outIndex++) {
    const center = outIndex / ratio;
    const first = Math.max(0, Math.ceil(center - halfWidth));
    const last = Math.min(input.length - 1, Math.floor(center + halfWidth));
    let sum = 0;
    for (let inIndex = first; inIndex <= last; inIndex++) {
      sum += (input[inIndex] ?? 0) * kernel((center - inIndex) * cutoff);
    }
    output[outIndex] = sum * cutoff;
  }
  return output;
}

/** Float samples in [-1, 1] to 16-bit, clipped. */
export function floatToInt16(input: Float32Array): Int16Array {
  const output = new Int16Array(input.length);
  for (let index = 0; index < input.length; index++) {
    const value = Math.round((input[index] ?? 0) * 32768);
    output[index] = value > 32767 ? 32767 : value < -32768 ? -32768 : value;
  }
  return output;
}
