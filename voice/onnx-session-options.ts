import type { InferenceSession } from 'onnxruntime-node';

/**
 * Session options for the small always-on models (wake word features and scorers, Silero VAD): one
 * thread, run in order, and no memory arena or memory pattern. The arena keeps the largest run's
 * buffers for the life of the session (openWakeWord's start-up embedding of 4 s of noise is many times
 * a frame's), and the pattern plans them per input shape; freed buffers go back to the allocator
 * instead, which costs nothing measurable at 12 frames a second (bench/voice-soak.ts).
 */
export const alwaysOnSessionOptions: InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  enableCpuMemArena: false,
  enableMemPattern: false,
};
