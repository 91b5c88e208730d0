import { z } from 'zod';
import { durationMs, nonBlankName } from './limits.js';
import { sttSchema, ttsSchema } from './speech-schema.js';

/** Audio in and out: devices are chosen by ALSA name ("default", "plughw:1,0", "usb-mic"). */
const audioSchema = z
  .object({
    /** 'auto' tries naudiodon (PortAudio) and falls back to the ALSA tools (arecord/aplay). */
    backend: z.enum(['auto', 'naudiodon', 'alsa']).default('auto'),
    captureDevice: z.string().min(1).default('default'),
    playbackDevice: z.string().min(1).default('default'),
    /** Largest WAV accepted (file input, Telegram voice notes converted to WAV); checked before allocating. */
    maxWavBytes: z
      .number()
      .int()
      .positive()
      .default(100 * 1024 * 1024),
  })
  .prefault({});

const wakeModelSchema = z.object({
  /** A manifest name (hey_jarvis, alexa, hey_mycroft, hey_marvin) or any label for a custom model. */
  name: nonBlankName(),
  /** Path to a custom openWakeWord .onnx; manifest models are resolved through models/. */
  path: z.string().min(1).optional(),
  threshold: z.number().min(0).max(1).optional(),
});

/** Wake word: openWakeWord by default, Porcupine when an AccessKey is configured. */
const wakeSchema = z
  .object({
    engine: z.enum(['openwakeword', 'porcupine']).default('openwakeword'),
    models: z
      .array(wakeModelSchema)
      .min(1)
      .default([{ name: 'hey_jarvis' }]),
    threshold: z.number().min(0).max(1).default(0.5),
    /** Consecutive 80 ms frames above threshold before a detection fires. */
    patience: z.number().int().min(1).default(1),
    refractoryMs: durationMs(0).default(2000),
    /** Threshold while sysvox itself speaks, so it does not wake on its own voice. */
    speakingThreshold: z.number().min(0).max(1).default(0.85),
    /** 'raise' keeps the wake word armed with speakingThreshold while speaking; 'mute' ignores it. */
    whileSpeaking: z.enum(['raise', 'mute']).default('raise'),
    porcupine: z
      .object({
        accessKey: z.string().min(1).optional(),
        keywordPaths: z.array(z.string().min(1)).default([]),
      })
      .prefault({}),
  })
  .prefault({});

/** Voice activity detection and end-of-speech. */
const vadSchema = z
  .object({
    engine: z.enum(['silero', 'energy']).default('silero'),
    /** Speech probability above which a frame counts as speech. */
    threshold: z.number().min(0).max(1).default(0.5),
    /** Silence that ends an utterance: fast 0.3 s, normal 0.7 s, relaxed 1.2 s. */
    preset: z.enum(['fast', 'normal', 'relaxed']).default('normal'),
    preRollMs: z.number().int().min(0).max(2000).default(300),
    noSpeechTimeoutMs: durationMs().default(5000),
    maxUtteranceMs: durationMs().default(15_000),
    /** Speech shorter than this is a blip (a click, a cough) and is ignored; 200 ms keeps a short "stop". */
    minSpeechMs: durationMs(0).default(200),
  })
  .prefault({});

/** The voice section (owned by the voice pipeline). Every key has a default so no config file is needed. */
export const voiceSchema = z
  .object({
    enabled: z.boolean().default(true),
    audio: audioSchema,
    wake: wakeSchema,
    vad: vadSchema,
    stt: sttSchema,
    tts: ttsSchema,
    /** Seconds the mic stays open after an answer for a follow-up without the wake word; 0 turns it off. */
    followUpSeconds: z.number().min(0).max(60).default(5),
    /** Listening, thinking, done and error tones around a spoken turn. */
    earcons: z.boolean().default(true),
    /** Keep the last N utterances as WAV in <dataDir>/utterances for debugging; 0 keeps none (raw audio is never logged). */
    keepLastUtterances: z.number().int().min(0).max(1000).default(0),
    approvals: z
      .object({
        /** Whether a confirm action asked by voice can be approved by saying the exact phrase ("yes, restart plex-server"). */
        byVoice: z.boolean().default(true),
      })
      .prefault({}),
    /** Speech during playback shorter than this is a blip and cannot stop it. */
    bargeInMinSpeechMs: durationMs(0).default(250),
  })
  .prefault({});
export type VoiceConfig = z.infer<typeof voiceSchema>;
