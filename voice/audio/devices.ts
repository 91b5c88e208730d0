import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tryLoadNaudiodon, type LoadNaudiodon, type NaudiodonModule } from './naudiodon.js';
import { describeError } from '../../src/errors.js';

export interface AudioDevice {
  direction: 'capture' | 'playback';
  /**
   * The name to put in config (voice.audio.captureDevice / playbackDevice): an ALSA name such as
   * "plughw:1,0", or with backend 'naudiodon' the PortAudio device name (matched as a substring).
   */
  alsaName: string;
  /** ALSA card number; -1 for a PortAudio device. */
  card: number;
  /** ALSA device number, or the PortAudio device id. */
  device: number;
  /** Which audio path listed it; ALSA when absent. */
  backend?: 'alsa' | 'naudiodon';
  description: string;
}

export interface DeviceList {
  devices: AudioDevice[];
  /** Why the list is empty or partial (no sound card, ALSA tools missing). */
  notes: string[];
}

export type RunCommand = (command: string, args: string[]) => Promise<{ stdout: string; stderr: string }>;
const runDefault: RunCommand = async (command, args) => promisify(execFile)(command, args, { timeout: 5000 });

/** Parses `arecord -l` / `aplay -l` output: "card 1: Device [USB Audio Device], device 0: USB Audio [USB Audio]". */
export function parseAlsaList(output: string, direction: AudioDevice['direction']): AudioDevice[] {
  const pattern = /^card (\d+): [^[]*\[([^\]]*)\], device (\d+): [^[]*\[([^\]]*)\]/gm;
  return [...output.matchAll(pattern)].map((match) => ({
    direction,
    card: Number(match[1]),
    device: Number(match[3]),
    alsaName: `plughw:${match[1]},${match[3]}`,
    description: `${match[2]} - ${match[4]}`,
  }));
}

export interface ListDevicesOptions {
  /** 'alsa' skips naudiodon; 'auto' and 'naudiodon' list PortAudio's devices when it loads and has any. */
  backend?: 'auto' | 'naudiodon' | 'alsa';
  loadNaudiodon?: LoadNaudiodon;
}

/** PortAudio's devices as config names, one entry per direction a device supports. */
export function naudiodonDevices(module: NaudiodonModule): AudioDevice[] {
  return module.getDevices().flatMap((device) => {
    const entry = {
      alsaName: device.name,
      card: -1,
      device: device.id,
      backend: 'naudiodon' as const,
      description: `${device.name} (PortAudio ${device.hostAPIName ?? ''})`.replace(' )', ')'),
    };
    return [
      ...(device.maxInputChannels > 0 ? [{ direction: 'capture' as const, ...entry }] : []),
      ...(device.maxOutputChannels > 0 ? [{ direction: 'playback' as const, ...entry }] : []),
    ];
  });
}

/**
 * Capture and playback devices for `sysvox devices`: naudiodon's (PortAudio) when it loads and lists any,
 * else the ALSA tools' (arecord/aplay -l); an empty list says why.
 */
export async function listDevices(run: RunCommand = runDefault, options: ListDevicesOptions = {}): Promise<DeviceList> {
  const notes: string[] = [];
  if ((options.backend ?? 'auto') !== 'alsa') {
    const loaded = await tryLoadNaudiodon(options.loadNaudiodon);
    const devices = 'module' in loaded ? naudiodonDevices(loaded.module) : [];
    if (devices.length > 0) return { devices, notes };
    notes.push('reason' in loaded ? loaded.reason : 'naudiodon (PortAudio) lists no device');
  }
  const alsa = await listAlsaDevices(run);
  return { devices: alsa.devices, notes: [...notes, ...alsa.notes] };
}

/** arecord -l and aplay -l. */
export async function listAlsaDevices(run: RunCommand = runDefault): Promise<DeviceList> {
  const devices: AudioDevice[] = [];
  const notes: string[] = [];
  for (const [command, direction] of [
    ['arecord', 'capture'],
    ['aplay', 'playback'],
  ] as const) {
    try {
      const { stdout, stderr } = await run(command, ['-l']);
      const found = parseAlsaList(stdout, direction);
      devices.push(...found);
      if (found.length === 0)
        notes.push(
          `${command} -l found no ${direction} device${/no soundcards/.test(stderr) ? ' (no sound card on this machine)' : ''}`,
        );
    } catch (error) {
      const text = describeError(error);
      notes.push(
        /ENOENT/.test(text)
          ? `${command} is not installed: apt-get install alsa-utils`
          : `${command} -l failed: ${text.split('\n')[0]}`,
      );
    }
  }
  return { devices, notes };
}
