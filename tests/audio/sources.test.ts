import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { alsaCapture } from '../../voice/audio/alsa.js';
import { listDevices, parseAlsaList } from '../../voice/audio/devices.js';
import { fifoSource, rawPcmSource, wavFileSource } from '../../voice/audio/sources.js';
import { writeWav } from '../../voice/audio/wav.js';
import { createPorcupineWake } from '../../voice/wake/porcupine.js';
import { requireAudio } from '../helpers/audio-fixtures.js';

async function collect(frames: AsyncIterable<Int16Array>): Promise<Int16Array[]> {
  const all: Int16Array[] = [];
  for await (const frame of frames) all.push(frame);
  return all;
}

describe('audio sources', () => {
  const ramp = Int16Array.from({ length: 4000 }, (_, index) => index - 2000);

  it('reads a WAV file in 80 ms frames', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sysvox-src-'));
    writeFileSync(join(folder, 'a.wav'), writeWav(ramp));
    const frames = await collect(wavFileSource(join(folder, 'a.wav')));
    expect(frames.map((frame) => frame.length)).toEqual([1280, 1280, 1280, 160]);
    expect(frames[1]?.[0]).toBe(1280 - 2000);
    rmSync(folder, { recursive: true });
  });

  it('reframes raw PCM arriving in odd-sized chunks (stdin)', async () => {
    const bytes = Buffer.from(ramp.buffer);
    const chunks = [bytes.subarray(0, 1001), bytes.subarray(1001, 5003), bytes.subarray(5003)];
    const frames = await collect(rawPcmSource(Readable.from(chunks), { frameSamples: 1000 }));
    expect(frames.map((frame) => frame.length)).toEqual([1000, 1000, 1000, 1000]);
    expect(Array.from(frames[2] ?? [])).toEqual(Array.from(ramp.subarray(2000, 3000)));
  });

  const fifo = requireAudio({ commands: ['mkfifo'] });
  it.skipIf(fifo.skip)('reads raw PCM from a FIFO until the writer closes it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sysvox-fifo-'));
    const path = join(folder, 'mic.fifo');
    execFileSync('mkfifo', [path]);
    const writer = spawn('sh', ['-c', `cat > "${path}"`]);
    writer.stdin.end(Buffer.from(ramp.buffer));
    const frames = await collect(fifoSource(path));
    expect(frames.reduce((total, frame) => total + frame.length, 0)).toBe(4000);
    rmSync(folder, { recursive: true });
  });
});

describe('ALSA devices and capture', () => {
  it('parses arecord -l output into ALSA names', () => {
    const output = 'card 1: Device [USB Audio Device], device 0: USB Audio [USB Audio]\n  Subdevices: 1/1\n';
    expect(parseAlsaList(output, 'capture')).toEqual([
      { direction: 'capture', card: 1, device: 0, alsaName: 'plughw:1,0', description: 'USB Audio Device - USB Audio' },
    ]);
  });

  const alsa = requireAudio({ commands: ['arecord', 'aplay'] });
  it.skipIf(alsa.skip)('lists no device on a machine without a sound card, and says why', async () => {
    const list = await listDevices();
    if (list.devices.length > 0) return expect(list.devices[0]?.alsaName).toMatch(/^plughw:/);
    expect(list.notes.join('\n')).toMatch(/arecord -l found no capture device/);
  });

  it.skipIf(alsa.skip)('captures from the null device with a bounded duration', async () => {
    const frames = await collect(alsaCapture({ device: 'null', durationSeconds: 1 }));
    const total = frames.reduce((sum, frame) => sum + frame.length, 0);
    expect(total).toBeGreaterThan(15000);
    expect(total).toBeLessThanOrEqual(16000);
  });

  it.skipIf(alsa.skip)('fails with a clear message for a device that does not exist', async () => {
    await expect(collect(alsaCapture({ device: 'no_such_device', durationSeconds: 1 }))).rejects.toThrow(
      /arecord on "no_such_device" exited.*sysvox devices/,
    );
  });
});

describe('Porcupine', () => {
  it('says what is missing: the AccessKey, then the package', async () => {
    await expect(createPorcupineWake({ keywordPaths: [] })).rejects.toThrow(
      /AccessKey.*voice\.wake\.porcupine\.accessKey/,
    );
    await expect(createPorcupineWake({ accessKey: 'x', keywordPaths: [] })).rejects.toThrow(
      /porcupine-node is not installed/,
    );
  });
});
