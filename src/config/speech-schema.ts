import { z } from 'zod';
import { durationMs, nonBlankName } from './limits.js';

/** voice.stt: the ordered engine chain and each engine's settings. Every key has a default. */
export const sttSchema = z
  .object({
    /** Tried in order; an engine that fails falls through to the next. */
    engines: z
      .array(z.enum(['whisper', 'pocketsphinx']))
      .min(1)
      .default(['whisper', 'pocketsphinx']),
    /** Fixed language for Whisper (never auto-detected). */
    language: z.string().min(2).default('en'),
    whisper: z
      .object({
        /** Default: $SYSVOX_DATA/bin/whisper-server, else .cache/whisper/server (scripts/build-whisper.sh). */
        binaryPath: z.string().min(1).optional(),
        /** Model name from the manifest, or a path to a ggml .bin. */
        model: nonBlankName().default('whisper-base.en'),
        threads: z.number().int().min(1).max(16).default(2),
        requestTimeoutMs: durationMs().default(30_000),
      })
      .prefault({}),
    pocketsphinx: z
      .object({
        binary: z.string().min(1).default('pocketsphinx_continuous'),
        acousticModel: z.string().min(1).default('/usr/share/pocketsphinx/model/en-us/en-us'),
        dictionary: z.string().min(1).default('/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict'),
        /** Share of the audible audio the recognised words must cover, else the result is empty. */
        minimumCoverage: z.number().min(0).max(1).default(0.6),
      })
      .prefault({}),
  })
  .prefault({});

/** voice.tts: Piper when installed, espeak-ng as the offline default and fallback. */
export const ttsSchema = z
  .object({
    engines: z
      .array(z.enum(['piper', 'espeak-ng']))
      .min(1)
      .default(['piper', 'espeak-ng']),
    piper: z
      .object({
        binaryPath: z.string().min(1).optional(),
        /** Voice .onnx path or manifest name; the .onnx.json beside it gives the sample rate. */
        voice: nonBlankName().default('en_US-lessac-medium'),
        sentenceGapMs: z.number().int().min(50).max(2000).default(250),
      })
      .prefault({}),
    espeak: z
      .object({
        voice: z.string().min(1).default('en-us'),
        /** Words per minute. */
        rate: z.number().int().min(80).max(450).default(165),
      })
      .prefault({}),
    earcons: z.boolean().default(true),
  })
  .prefault({});

export type SttConfig = z.infer<typeof sttSchema>;
export type TtsConfig = z.infer<typeof ttsSchema>;
