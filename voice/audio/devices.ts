import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface AudioDevice {
  direction: 'capture' | 'playback';
  /** ALSA name to put in config (voice.audio.captureDevice / playbackDevice), e.g. "plughw:1,0". */
  alsaName: string;
  card: number;
  device: number;
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

/** Capture and playback devices for `sysvox devices`; an empty list says why. */
export async function listDevices(run: RunCommand = runDefault): Promise<DeviceList> {
  const devices: AudioDevice[] = [];
  const notes: string[] = [];
  for (const [command, direction] of [['arecord', 'capture'], ['aplay', 'playback']] as const) {
    try {
      const { stdout, stderr } = await run(command, ['-l']);
      const found = parseAlsaList(stdout, direction);
      devices.push(...found);
      if (found.length === 0) notes.push(`${command} -l found no ${direction} device${/no soundcards/.test(stderr) ? ' (no sound card on this machine)' : ''}`);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      notes.push(/ENOENT/.test(text) ? `${command} is not installed: apt-get install alsa-utils` : `${command} -l failed: ${text.split('\n')[0]}`);
    }
  }
  return { devices, notes };
}
