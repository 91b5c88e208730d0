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

/**
 * Opens a capture device the way the mic loop will (arecord, one sample) and says why it failed, or
 * undefined when it opened. Still waiting after waitMs (a PCM whose source has no data yet) counts as
 * opened: only a refusal is a failure. The error is arecord's own last line ("audio open error: ...").
 */
export async function probeAlsaCapture(
  device: string,
  options: { waitMs?: number; spawn?: Spawn } = {},
): Promise<string | undefined> {
  let child: ChildProcess;
  try {
    child = (options.spawn ?? spawnDefault)('arecord', [...arecordArgs(device), '-s', '1']);
  } catch (error) {
    return `could not start arecord: ${describeError(error)}`;
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.resume();
  const outcome = await new Promise<{ code: number | null } | { error: Error } | 'waiting'>((resolve) => {
    const timer = setTimeout(() => resolve('waiting'), options.waitMs ?? 3000);
    child.on('error', (error) => (clearTimeout(timer), resolve({ error })));
    child.on('close', (code) => (clearTimeout(timer), resolve({ code })));
  });
  if (outcome === 'waiting') {
    child.kill('SIGTERM');
    return undefined;
  }
  if ('error' in outcome) return `could not start arecord: ${describeError(outcome.error)}; install alsa-utils`;
  if (outcome.code === 0) return undefined;
  const last =
    stderr
      .trim()
      .split('\n')
      .at(-1)
      ?.replace(/^arecord: [\w:]+?:\d+: /, '') ?? '';
  return `arecord could not open "${device}": ${last || `exit code ${outcome.code}`}`;
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
