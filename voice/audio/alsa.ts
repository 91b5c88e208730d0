import { spawn, type ChildProcess } from 'node:child_process';
import { AudioError } from './audio-error.js';
import { rawPcmSource } from './sources.js';
import { describeError } from '../../src/errors.js';

export type Spawn = (command: string, args: string[]) => ChildProcess;
const spawnDefault: Spawn = (command, args) => spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });

export interface AlsaCaptureOptions {
  device?: string;
  frameSamples?: number;
  /** Stop after this many seconds (arecord -d); unbounded when omitted. */
  durationSeconds?: number;
  signal?: AbortSignal;
  spawn?: Spawn;
}

/** arecord arguments for 16 kHz mono S16_LE raw PCM on stdout. */
export function arecordArgs(device: string, durationSeconds?: number): string[] {
  const args = ['-q', '-f', 'S16_LE', '-r', '16000', '-c', '1', '-t', 'raw', '-D', device];
  return durationSeconds === undefined ? args : [...args, '-d', String(durationSeconds)];
}

/** Microphone frames through arecord; ends when aborted, when -d runs out, or with an AudioError. */
export async function* alsaCapture(options: AlsaCaptureOptions = {}): AsyncGenerator<Int16Array> {
  const device = options.device ?? 'default';
  const child = (options.spawn ?? spawnDefault)('arecord', arecordArgs(device, options.durationSeconds));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const failedToStart = new Promise<never>((_, reject) => child.on('error', (error) => reject(error)));
  failedToStart.catch(() => {});
  const abort = () => child.kill('SIGTERM');
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    if (!child.stdout) throw new AudioError('device', 'arecord started without a stdout pipe.');
    yield* rawPcmSource(child.stdout, { frameSamples: options.frameSamples });
    const code = await Promise.race([exited, failedToStart]);
    if (code !== 0 && !options.signal?.aborted) {
      throw new AudioError(
        'device',
        `arecord on "${device}" exited with ${code}: ${stderr.trim().replace(/\s*\n\s*/g, '; ') || 'no message'}. Check voice.audio.captureDevice against \`sysvox devices\`.`,
      );
    }
  } catch (error) {
    if (error instanceof AudioError) throw error;
    throw new AudioError(
      'device',
      `Could not capture from "${device}" with arecord: ${String(error)}; install alsa-utils.`,
      { cause: error },
    );
  } finally {
    options.signal?.removeEventListener('abort', abort);
    if (child.exitCode === null) child.kill('SIGTERM');
  }
}

/** Plays raw S16_LE mono PCM through aplay; resolves when played, rejects with an AudioError. */
export async function alsaPlay(
  pcm: Buffer,
  options: { sampleRate: number; device?: string; signal?: AbortSignal; spawn?: Spawn },
): Promise<void> {
  const device = options.device ?? 'default';
  const args = ['-q', '-f', 'S16_LE', '-r', String(options.sampleRate), '-c', '1', '-t', 'raw', '-D', device];
  const child = (options.spawn ?? spawnDefault)('aplay', args);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const abort = () => child.kill('SIGTERM');
  options.signal?.addEventListener('abort', abort, { once: true });
  child.stdin?.on('error', () => {});
  child.stdin?.end(pcm);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', (error) =>
      reject(
        new AudioError('device', `Could not start aplay: ${describeError(error)}; install alsa-utils.`, {
          cause: error,
        }),
      ),
    );
    child.on('close', resolve);
  }).finally(() => options.signal?.removeEventListener('abort', abort));
  if (code !== 0 && !options.signal?.aborted) {
    throw new AudioError(
      'device',
      `aplay on "${device}" exited with ${code}: ${stderr.trim().replace(/\s*\n\s*/g, '; ') || 'no message'}. Check voice.audio.playbackDevice.`,
    );
  }
}
