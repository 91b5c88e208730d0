/**
 * Voice wiring (main.ts's voice half): builds the wake word, VAD endpointers, the STT and TTS chains
 * from config, their probes for `sysvox doctor`, and the local mic channel over any audio source.
 * Engines are built on first use: loading the ONNX models takes a moment that text commands skip.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createAlsaSink, createNaudiodonSink } from '../../channels/local/audio-sinks.js';
import { createLocalVoiceChannel, type LocalVoiceChannel } from '../../channels/local/local-voice-channel.js';
import type { AudioSink, EndpointerRequest, LocalChannelEvent, TimingsPort } from '../../channels/local/ports.js';
import { defaultMirror, defaultModelDir } from '../../models/model-files.js';
import { findPiperBinary, findPiperVoice } from '../../models/piper-files.js';
import { resolveModel } from '../../models/resolve-model.js';
import { probeAlsaCapture } from '../../voice/audio/alsa.js';
import { openCapture } from '../../voice/audio/capture.js';
import { listDevices, type DeviceList } from '../../voice/audio/devices.js';
import { commandGrammar } from '../../voice/stt/jsgf-grammar.js';
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import { createFallbackStt, type FallbackStt } from '../../voice/stt/fallback-stt.js';
import type { SpeechToText } from '../../voice/stt/stt.js';
import { createWhisperServerStt } from '../../voice/stt/whisper-server-stt.js';
import { createEspeakTts } from '../../voice/tts/espeak-tts.js';
import { createFallbackTts, type FallbackTts } from '../../voice/tts/fallback-tts.js';
import { createPiperTts } from '../../voice/tts/piper-tts.js';
import type { TextToSpeech } from '../../voice/tts/tts.js';
import { createEndpointer, type Endpointer } from '../../voice/vad/endpointer.js';
import { createEnergyVad } from '../../voice/vad/energy-vad.js';
import { createSileroVad } from '../../voice/vad/silero-vad.js';
import type { VoiceActivityDetector } from '../../voice/vad/vad.js';
import { createOpenWakeWord } from '../../voice/wake/openwakeword.js';
import { createPorcupineWake } from '../../voice/wake/porcupine.js';
import type { WakeWordDetector } from '../../voice/wake/wake.js';
import type { VoiceConfig } from '../config/voice-schema.js';
import type { Core } from '../core/turn.js';
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { EngineProbe } from '../probe.js';
import type { Lexicon } from '../router/lexicon.js';
import type { Vocabulary } from '../router/types.js';

export interface VoiceEngines {
  wake: WakeWordDetector;
  vad: VoiceActivityDetector;
  createEndpointer(request: EndpointerRequest): Endpointer;
  stt: FallbackStt;
  tts: FallbackTts;
}

export interface VoiceAppOptions {
  config: VoiceConfig;
  core: Core;
  vocabulary: () => Promise<Vocabulary>;
  /** The confirmation phrases of the approvals pending now (the recogniser hears "yes" only then). */
  pendingConfirmations?: () => Promise<string[]>;
  /** The registered areas' words: the pocketsphinx grammar is built from them. */
  lexicon: Lexicon;
  timings: TimingsPort;
  dataDir: string;
  log: Logger;
  env?: NodeJS.ProcessEnv;
  /** Called when a supervised engine process (the whisper server) died and is restarted. */
  onEngineRestart?: (engine: 'whisper') => void;
}

export interface RunChannelOptions {
  source: AsyncIterable<Int16Array>;
  sink: AudioSink;
  /** true for files: each reply finishes before more audio is read. */
  waitForReplies?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: LocalChannelEvent) => void;
  /** Called with the loop once it reads audio: notices go to it. */
  onListening?: (channel: LocalVoiceChannel) => void;
}

export interface VoiceApp {
  engines(): Promise<VoiceEngines>;
  /** The TTS chain alone (for `sysvox say`): no wake word or VAD models are loaded. */
  speech(): TextToSpeech;
  runChannel(options: RunChannelOptions): Promise<void>;
  /** The mic loop on the configured capture device; resolves with why it did not start, or when stopped. */
  runMicrophone(options: {
    signal?: AbortSignal;
    onEvent?: (event: LocalChannelEvent) => void;
    onListening?: (channel: LocalVoiceChannel) => void;
    devices?: () => Promise<DeviceList>;
  }): Promise<{ started: boolean; reason: string }>;
  probes(): Promise<EngineProbe[]>;
  close(): Promise<void>;
}

export function createVoiceApp(deps: VoiceAppOptions): VoiceApp {
  const log = deps.log.child('voice');
  let engines: Promise<VoiceEngines> | undefined;
  let tts: FallbackTts | undefined;
  const skipped: SkippedEngines = { stt: [], tts: [] };
  const speech = () => (tts ??= buildTts(deps, skipped.tts, log));
  const getEngines = () => (engines ??= buildEngines(deps, speech(), skipped.stt, log));

  const runChannel = async (options: RunChannelOptions) => {
    const built = await getEngines();
    const channel = createLocalVoiceChannel({
      core: deps.core,
      source: options.source,
      sink: options.sink,
      wake: built.wake,
      createEndpointer: built.createEndpointer,
      stt: built.stt,
      tts: built.tts,
      vocabulary: deps.vocabulary,
      pendingConfirmations: deps.pendingConfirmations,
      timings: deps.timings,
      log,
      waitForReplies: options.waitForReplies,
      settings: {
        followUpSeconds: deps.config.followUpSeconds,
        earcons: deps.config.earcons && deps.config.tts.earcons,
        whileSpeaking: deps.config.wake.whileSpeaking,
        bargeInMinSpeechMs: deps.config.bargeInMinSpeechMs,
        approvalsByVoice: deps.config.approvals.byVoice,
        keepUtterances: { count: deps.config.keepLastUtterances, directory: join(deps.dataDir, 'utterances') },
      },
    });
    built.wake.reset();
    options.onListening?.(channel);
    await channel.run({ signal: options.signal, onEvent: options.onEvent });
  };

  return {
    engines: getEngines,
    speech,
    runChannel,
    async runMicrophone(options) {
      const reason = await microphoneUnavailable(
        deps.config,
        options.devices ?? (() => listDevices(undefined, { backend: deps.config.audio.backend })),
      );
      if (reason) return { started: false, reason };
      const capture = await openCapture({
        backend: deps.config.audio.backend,
        device: deps.config.audio.captureDevice,
        signal: options.signal,
        log,
      });
      const playbackDevice = deps.config.audio.playbackDevice;
      const sink =
        capture.backend === 'naudiodon'
          ? createNaudiodonSink({ device: playbackDevice })
          : createAlsaSink({ device: playbackDevice });
      await runChannel({
        source: capture.frames,
        sink,
        signal: options.signal,
        onEvent: options.onEvent,
        onListening: options.onListening,
      });
      return { started: true, reason: `listened on ${deps.config.audio.captureDevice} (${capture.backend})` };
    },
    probes: () => probeVoice(deps, getEngines, speech(), skipped),
    async close() {
      const built = await engines?.catch(() => undefined);
      await Promise.allSettled([built?.wake.close?.(), built?.vad.close?.(), built?.stt.close?.(), tts?.close?.()]);
    },
  };
}

/**
 * Why the mic loop cannot start here, or undefined when it can. The ALSA path opens the configured
 * device (a dsnoop, PipeWire's or PulseAudio's default, a file plugin: none is a card that `arecord -l`
 * lists); only when that fails and no capture card is listed is the mic reported missing, with
 * arecord's own error. A listed card with a failing open is left to the loop, which logs arecord's error.
 */
async function microphoneUnavailable(
  config: VoiceConfig,
  devices: () => Promise<DeviceList>,
  probe: (device: string) => Promise<string | undefined> = probeAlsaCapture,
): Promise<string | undefined> {
  if (!config.enabled) return 'voice is disabled (voice.enabled: false)';
  const failed = config.audio.backend === 'naudiodon' ? undefined : await probe(config.audio.captureDevice);
  if (config.audio.backend !== 'naudiodon' && !failed) return undefined;
  const list = await devices();
  if (list.devices.some((device) => device.direction === 'capture')) return undefined;
  const why = [...list.notes, ...(failed ? [failed] : [])].join('; ') || 'arecord -l lists none';
  return `no capture device (${why}); plug in a microphone and check \`sysvox devices\`, or use \`sysvox listen --file\``;
}

/** Engines of the configured chains that were left out, and why (the doctor says so). */
interface SkippedEngine {
  engine: string;
  reason: string;
}
interface SkippedEngines {
  stt: SkippedEngine[];
  tts: SkippedEngine[];
}

/** The fetched-models folders (the app's data dir, $SYSVOX_DATA or ./data) and the mirror. */
function modelFolders(deps: VoiceAppOptions): string[] {
  const env = deps.env ?? process.env;
  const folders = [join(deps.dataDir, 'models'), defaultModelDir(env), defaultMirror(env)];
  return [...new Set(folders.filter((folder): folder is string => Boolean(folder)))];
}

async function buildEngines(
  deps: VoiceAppOptions,
  tts: FallbackTts,
  skippedStt: SkippedEngine[],
  log: Logger,
): Promise<VoiceEngines> {
  const { config } = deps;
  const wake = await buildWake(config, join(deps.dataDir, 'models'), log);
  const vad = config.vad.engine === 'silero' ? await createSileroVad() : createEnergyVad();
  const createEndpointerFor = (request: EndpointerRequest) =>
    createEndpointer({
      vad,
      preset: request.purpose === 'barge-in' ? 'fast' : config.vad.preset,
      threshold: config.vad.threshold,
      preRollMs: config.vad.preRollMs,
      noSpeechTimeoutMs: request.noSpeechTimeoutMs ?? config.vad.noSpeechTimeoutMs,
      maxUtteranceMs: request.purpose === 'barge-in' ? 3000 : config.vad.maxUtteranceMs,
      minSpeechMs: request.minSpeechMs ?? config.vad.minSpeechMs,
    });
  return { wake, vad, createEndpointer: createEndpointerFor, stt: await buildStt(deps, skippedStt, log), tts };
}

/** A wake-word detector as the config asks (the microphone's, and one per Discord speaker). */
export async function buildWake(config: VoiceConfig, modelDir: string, log: Logger): Promise<WakeWordDetector> {
  if (config.wake.engine === 'porcupine') {
    return createPorcupineWake({
      accessKey: config.wake.porcupine.accessKey,
      keywordPaths: config.wake.porcupine.keywordPaths,
      refractoryMs: config.wake.refractoryMs,
      log: log.child('wake'),
    });
  }
  return createOpenWakeWord({
    models: config.wake.models,
    threshold: config.wake.threshold,
    speakingThreshold: config.wake.speakingThreshold,
    patience: config.wake.patience,
    refractoryMs: config.wake.refractoryMs,
    resolve: (name) => resolveModel(name, { dest: modelDir }),
    log: log.child('wake'),
  });
}

async function buildStt(deps: VoiceAppOptions, skipped: SkippedEngine[], log: Logger): Promise<FallbackStt> {
  const { stt } = deps.config;
  const engines: SpeechToText[] = [];
  for (const name of stt.engines) {
    if (name === 'pocketsphinx') {
      engines.push(
        createPocketsphinxStt({
          grammar: (hints) => commandGrammar(hints, { lexicon: deps.lexicon }),
          binary: stt.pocketsphinx.binary,
          acousticModel: stt.pocketsphinx.acousticModel,
          minimumCoverage: stt.pocketsphinx.minimumCoverage,
          log: log.child('stt'),
        }),
      );
      continue;
    }
    const whisper = await whisperFiles(deps);
    if (whisper.missing) {
      log.info('whisper STT skipped', { reason: whisper.missing });
      skipped.push({ engine: 'whisper', reason: whisper.missing });
      continue;
    }
    engines.push(
      createWhisperServerStt({
        binaryPath: whisper.binaryPath,
        modelPath: whisper.modelPath,
        language: stt.language,
        threads: stt.whisper.threads,
        requestTimeoutMs: stt.whisper.requestTimeoutMs,
        log: log.child('stt'),
        onRestart: () => deps.onEngineRestart?.('whisper'),
      }),
    );
  }
  return createFallbackStt(engines, log.child('stt'));
}

async function whisperFiles(
  deps: VoiceAppOptions,
): Promise<{ binaryPath: string; modelPath: string; missing?: string }> {
  const env = deps.env ?? process.env;
  const { whisper } = deps.config.stt;
  const binaryPath =
    whisper.binaryPath ??
    [
      env.SYSVOX_WHISPER_BIN,
      env.SYSVOX_DATA && join(env.SYSVOX_DATA, 'bin', 'whisper-server'),
      join(process.cwd(), '.cache', 'whisper', 'server'),
    ].find((path): path is string => Boolean(path) && existsSync(path!)) ??
    '';
  if (!binaryPath)
    return { binaryPath, modelPath: '', missing: 'whisper.cpp server not built: run scripts/build-whisper.sh' };
  if (whisper.model.includes('/'))
    return {
      binaryPath,
      modelPath: whisper.model,
      missing: existsSync(whisper.model) ? undefined : `model ${whisper.model} not found`,
    };
  try {
    return { binaryPath, modelPath: await resolveModel(whisper.model, { dest: join(deps.dataDir, 'models') }) };
  } catch (error) {
    return { binaryPath, modelPath: '', missing: describeError(error) };
  }
}

function buildTts(deps: VoiceAppOptions, skipped: SkippedEngine[], log: Logger): FallbackTts {
  const { config } = deps;
  const engines: TextToSpeech[] = [];
  for (const name of config.tts.engines) {
    if (name === 'espeak-ng') {
      engines.push(createEspeakTts({ voice: config.tts.espeak.voice, rate: config.tts.espeak.rate }));
      continue;
    }
    const { voice } = config.tts.piper;
    const folders = modelFolders(deps);
    const binaryPath =
      config.tts.piper.binaryPath ?? findPiperBinary(folders) ?? findOnPath('piper', deps.env ?? process.env);
    const modelPath = findPiperVoice(voice, folders);
    if (!binaryPath || !modelPath) {
      const reason = !binaryPath
        ? 'no piper binary: run `sysvox models fetch piper` (or set voice.tts.piper.binaryPath)'
        : `voice ${voice} not found: run \`sysvox models fetch ${voice.endsWith('.onnx') ? 'piper' : voice}\` (or set voice.tts.piper.voice to a .onnx path)`;
      log.info('piper TTS skipped', { reason });
      skipped.push({ engine: 'piper', reason });
      continue;
    }
    engines.push(createPiperTts({ binaryPath, modelPath, sentenceGapMs: config.tts.piper.sentenceGapMs }));
  }
  return createFallbackTts(engines, log.child('tts'));
}

function findOnPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  return (env.PATH ?? '')
    .split(':')
    .map((folder) => join(folder, command))
    .find((path) => existsSync(path));
}

async function probeVoice(
  deps: VoiceAppOptions,
  engines: () => Promise<VoiceEngines>,
  tts: FallbackTts,
  skipped: SkippedEngines,
): Promise<EngineProbe[]> {
  if (!deps.config.enabled) return [{ name: 'voice', status: 'ok', detail: 'disabled (voice.enabled: false)' }];
  const ttsProbes = await tts.probeAll();
  let built: VoiceEngines;
  try {
    built = await engines();
  } catch (error) {
    return [
      {
        name: 'voice engines',
        status: 'fail',
        detail: describeError(error),
        fix: 'run scripts/fetch-models, or check voice.wake and voice.vad in the config',
      },
      ...ttsProbes,
    ];
  }
  const sttProbes = await built.stt.probeAll();
  const microphone = await microphoneUnavailable(deps.config, () =>
    listDevices(undefined, { backend: deps.config.audio.backend }),
  );
  return [
    await built.wake.probe(),
    await built.vad.probe(),
    chainInUse('speech-to-text', deps.config.stt.engines, skipped.stt),
    ...sttProbes,
    chainInUse('text-to-speech', deps.config.tts.engines, skipped.tts),
    ...ttsProbes,
    microphone
      ? {
          name: 'microphone',
          status: 'warn',
          detail: microphone,
          fix: 'plug in a microphone, or set voice.audio.captureDevice',
        }
      : { name: 'microphone', status: 'ok', detail: deps.config.audio.captureDevice },
  ];
}

/** Which engines of a configured chain are in use, and why any was left out (Whisper and Piper fall back). */
function chainInUse(name: string, configured: readonly string[], skipped: readonly SkippedEngine[]): EngineProbe {
  const used = configured.filter((engine) => !skipped.some((left) => left.engine === engine));
  const inUse = used.length > 0 ? used.join(', then ') : 'none';
  if (skipped.length === 0) return { name, status: 'ok', detail: `using ${inUse}` };
  return {
    name,
    status: 'warn',
    detail: `using ${inUse}; ${skipped.map((left) => `${left.engine} left out: ${left.reason}`).join('; ')}`,
    fix: skipped.map((left) => left.reason.replace(/^.*?: /, '')).join('; '),
  };
}
