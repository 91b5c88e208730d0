/**
 * A microphone and a speaker without a sound card, through ALSA's own `file` plugin (DESIGN.md): the
 * capture device reads a FIFO that this helper feeds at real-time pace (arecord on a file would read it
 * at once and end): silence, or speech queued with say(); the playback device writes each aplay run to
 * its own WAV file.
 * The app under test uses the real ALSA path (arecord/aplay) with ALSA_CONFIG_PATH pointing here.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WriteStream } from 'node:fs';

export interface AlsaFileDevices {
  /** Add to the app's environment. */
  env: { ALSA_CONFIG_PATH: string };
  captureDevice: string;
  playbackDevice: string;
  /** Queues 16 kHz mono 16-bit PCM into the microphone; resolves once the last of it is in the FIFO. */
  say(samples: Int16Array): Promise<void>;
  /** Every playback so far, oldest first: one WAV file per aplay run (an earcon, a sentence). */
  played(): Array<{ path: string; wav: Buffer; at: number }>;
  close(): void;
}

/**
 * 125 ms of 16 kHz mono 16-bit audio: arecord's default period. The file plugin's slave ("null") is not
 * paced, so arecord waits in read() on the FIFO and takes whatever one write put there; a write of
 * exactly one period (atomic: under PIPE_BUF) fills each read, where a shorter one would leave the rest
 * of the period as stale samples in the middle of the speech.
 */
const chunkBytes = 4000;
const chunkMs = 125;
const silenceChunk = Buffer.alloc(chunkBytes);

/** Null when this machine has no aplay/arecord (alsa-utils); the caller skips and says why. */
export function alsaFileDevicesProblem(): string | null {
  for (const tool of ['arecord', 'aplay']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
      return `${tool} is not installed (alsa-utils): ./scripts/setup.sh installs it`;
  }
  return null;
}

export function createAlsaFileDevices(): AlsaFileDevices {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-alsa-'));
  const fifo = join(folder, 'mic.fifo');
  spawnSync('mkfifo', [fifo]);
  const config = join(folder, 'asoundrc');
  writeFileSync(
    config,
    [
      'pcm.sysvoxtestmic {',
      '  type file',
      '  slave.pcm "null"',
      '  file "/dev/null"',
      `  infile "${fifo}"`,
      '  format "raw"',
      '}',
      'pcm.sysvoxtestspeaker {',
      '  type file',
      '  slave.pcm "null"',
      // The shell's pid names each run's file: one WAV per aplay, each with its own rate in the header.
      `  file "|cat > ${folder}/played-$$.wav"`,
      '  format "wav"',
      '}',
    ].join('\n'),
  );
  let stream: WriteStream | undefined;
  let closed = false;
  /** Reopens the FIFO whenever its reader (arecord) goes away and comes back. */
  const open = () => {
    if (closed) return;
    stream = createWriteStream(fifo);
    stream.on('error', () => {
      stream?.destroy();
      if (!closed) setTimeout(open, 100);
    });
  };
  open();
  /** Speech waiting to be fed, a period at a time; each ends with the callback of the say() it came from. */
  const queue: Array<{ chunk: Buffer; done?: () => void }> = [];
  const startedAt = Date.now();
  let fed = 0;
  // Chunks owed since the start, so a late timer catches up instead of slowing the microphone down.
  const feeder = setInterval(() => {
    const due = Math.min(Math.floor((Date.now() - startedAt) / chunkMs) - fed, 8);
    for (let chunk = 0; chunk < due; chunk++) {
      fed++;
      if (!stream || stream.writableLength >= 64_000) continue;
      const next = queue.shift();
      stream.write(next?.chunk ?? silenceChunk);
      next?.done?.();
    }
  }, chunkMs);
  const say = (samples: Int16Array) =>
    new Promise<void>((resolve) => {
      const bytes = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
      for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
        const chunk = Buffer.alloc(chunkBytes);
        bytes.copy(chunk, 0, offset, offset + chunkBytes);
        queue.push({ chunk, done: offset + chunkBytes >= bytes.length ? resolve : undefined });
      }
      if (bytes.length === 0) resolve();
    });
  return {
    env: { ALSA_CONFIG_PATH: `/usr/share/alsa/alsa.conf:${config}` },
    captureDevice: 'sysvoxtestmic',
    playbackDevice: 'sysvoxtestspeaker',
    say,
    played: () =>
      readdirSync(folder)
        .filter((name) => name.startsWith('played-') && name.endsWith('.wav'))
        .map((name) => join(folder, name))
        .map((path) => ({ path, stats: statSync(path) }))
        .filter(({ stats }) => stats.size > 44)
        .sort((a, b) => a.stats.mtimeMs - b.stats.mtimeMs)
        .map(({ path, stats }) => ({ path, at: stats.mtimeMs, wav: withSizes(readFileSync(path)) })),
    close() {
      closed = true;
      clearInterval(feeder);
      for (const queued of queue.splice(0)) queued.done?.();
      stream?.destroy();
      // Unblocks a pending open of the FIFO so the writer's thread is not left waiting for a reader.
      spawnSync('sh', ['-c', `timeout 1 cat "${fifo}" > /dev/null`]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** ALSA writes the header before it knows the length (a pipe cannot seek back): fill in the RIFF and data sizes. */
function withSizes(wav: Buffer): Buffer {
  const fixed = Buffer.from(wav);
  const data = fixed.indexOf('data', 12, 'ascii');
  if (data < 0) return fixed;
  fixed.writeUInt32LE(fixed.length - 8, 4);
  fixed.writeUInt32LE(fixed.length - data - 8, data + 4);
  return fixed;
}
