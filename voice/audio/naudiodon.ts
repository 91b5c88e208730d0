import { readFileSync } from 'node:fs';
/**
 * The part of naudiodon (PortAudio bindings, an optional dependency) that sysvox uses, how it is loaded,
 * and how a device named in config becomes a PortAudio device id.
 */
import { AudioError } from './audio-error.js';
import { describeError } from '../../src/errors.js';

export interface NaudiodonDevice {
  id: number;
  name: string;
  maxInputChannels: number;
  maxOutputChannels: number;
  hostAPIName?: string;
}

export interface NaudiodonStreamOptions {
  channelCount: number;
  sampleFormat: number;
  sampleRate: number;
  /** -1 is PortAudio's default device. */
  deviceId: number;
  closeOnError: boolean;
}

/** naudiodon's stream: a Node stream plus start(), quit(), abort(). */
export interface NaudiodonStream extends NodeJS.EventEmitter {
  start(): void;
  quit(callback?: () => void): void;
  abort(callback?: () => void): void;
  destroy(error?: Error): unknown;
}
export interface NaudiodonReadStream extends NaudiodonStream, AsyncIterable<Uint8Array> {}
export interface NaudiodonWriteStream extends NaudiodonStream {
  write(chunk: Uint8Array, callback?: (error?: Error | null) => void): boolean;
  end(callback?: () => void): unknown;
}

export interface NaudiodonModule {
  SampleFormat16Bit: number;
  getDevices(): NaudiodonDevice[];
  AudioIO(options: { inOptions: NaudiodonStreamOptions }): NaudiodonReadStream;
  AudioIO(options: { outOptions: NaudiodonStreamOptions }): NaudiodonWriteStream;
}

export type LoadNaudiodon = () => Promise<unknown>;

/** The real module; naudiodon is CommonJS, so its exports may sit under `default`. */
export const loadNaudiodonDefault: LoadNaudiodon = () => import('naudiodon' as string);

/**
 * Without a sound card PortAudio finds nothing and libasound prints pages of errors from native code
 * (headless servers are common here), so the real module is not loaded at all then.
 */
export function soundCardProblem(read: () => string = () => readFileSync('/proc/asound/cards', 'utf8')): string | null {
  try {
    return /no soundcards/i.test(read()) ? 'no sound card (/proc/asound/cards lists none)' : null;
  } catch {
    return 'no sound card (/proc/asound/cards is missing)';
  }
}

/** Loads naudiodon, or returns why it cannot be used (no sound card, not installed, no build for this CPU, bad shape). */
export async function tryLoadNaudiodon(
  load: LoadNaudiodon = loadNaudiodonDefault,
): Promise<{ module: NaudiodonModule } | { reason: string }> {
  const noCard = load === loadNaudiodonDefault ? soundCardProblem() : null;
  if (noCard) return { reason: noCard };
  try {
    const loaded = (await load()) as Partial<NaudiodonModule> & { default?: Partial<NaudiodonModule> };
    const module = typeof loaded.AudioIO === 'function' ? loaded : loaded.default;
    if (!module || typeof module.AudioIO !== 'function' || typeof module.getDevices !== 'function') {
      return { reason: 'naudiodon loaded but exports no AudioIO/getDevices' };
    }
    return { module: module as NaudiodonModule };
  } catch (error) {
    return { reason: `naudiodon could not be loaded (${describeError(error).split('\n')[0]})` };
  }
}

export type Direction = 'capture' | 'playback';

function hasChannels(device: NaudiodonDevice, direction: Direction): boolean {
  return direction === 'capture' ? device.maxInputChannels > 0 : device.maxOutputChannels > 0;
}

/** PortAudio devices that can capture (or play). */
export function devicesFor(module: NaudiodonModule, direction: Direction): NaudiodonDevice[] {
  return module.getDevices().filter((device) => hasChannels(device, direction));
}

/**
 * The PortAudio device id for a name from config: 'default' is -1 (PortAudio's default), anything else is a
 * case-insensitive substring of a device name ("usb" matches "USB Audio Device: - (hw:1,0)").
 * Returns why not when there is no such device.
 */
export function findDeviceId(
  module: NaudiodonModule,
  name: string,
  direction: Direction,
): { id: number } | { reason: string } {
  const candidates = devicesFor(module, direction);
  if (candidates.length === 0) return { reason: `PortAudio lists no ${direction} device` };
  if (name === 'default') return { id: -1 };
  const wanted = name.toLowerCase();
  const match = candidates.find((device) => device.name.toLowerCase().includes(wanted));
  if (match) return { id: match.id };
  const names = candidates.map((device) => `"${device.name}"`).join(', ');
  return { reason: `no PortAudio ${direction} device matches "${name}" (found ${names})` };
}

/** The stream options for 16-bit mono PCM on one device. */
export function streamOptions(module: NaudiodonModule, deviceId: number, sampleRate: number): NaudiodonStreamOptions {
  return { channelCount: 1, sampleFormat: module.SampleFormat16Bit, sampleRate, deviceId, closeOnError: true };
}

/** An AudioError for a device naudiodon cannot open, with the fix. */
export function naudiodonDeviceError(action: string, device: string, error: unknown): AudioError {
  const text = describeError(error);
  return new AudioError(
    'device',
    `naudiodon could not ${action} "${device}": ${text}. Check the device with \`sysvox devices\`, or set voice.audio.backend: alsa.`,
    { cause: error },
  );
}
