import { arch } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createNaudiodonSink } from '../../channels/local/audio-sinks.js';
import { createLogger } from '../../src/log.js';
import { alsaCapture } from '../../voice/audio/alsa.js';
import { openCapture } from '../../voice/audio/capture.js';
import { listDevices } from '../../voice/audio/devices.js';
import {
  devicesFor,
  findDeviceId,
  soundCardProblem,
  tryLoadNaudiodon,
  type NaudiodonModule,
} from '../../voice/audio/naudiodon.js';
import { createNaudiodonPlayer } from '../../voice/audio/naudiodon-io.js';
import { device, fakeNaudiodon } from './fake-naudiodon.js';

async function collect(frames: AsyncIterable<Int16Array>): Promise<Int16Array[]> {
  const all: Int16Array[] = [];
  for await (const frame of frames) all.push(frame);
  return all;
}

function recordingLog() {
  const lines: Array<Record<string, unknown>> = [];
  return {
    lines,
    log: createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }),
  };
}

const usbMic = device(3, 'USB Audio Device: - (hw:1,0)', 1, 0);
const speaker = device(4, 'bcm2835 Headphones: - (hw:0,0)', 0, 2);
const ramp = Int16Array.from({ length: 3000 }, (_, index) => ((index * 7) % 30000) - 15000);

// naudiodon ships a PortAudio build for x64 and armhf only; elsewhere (arm64) not loading is expected.
// Loaded through a loader of its own: the default one skips naudiodon on a machine with no sound card.
const loadReal = () => import('naudiodon' as string);
const real = await tryLoadNaudiodon(loadReal);
const realReason = 'reason' in real ? real.reason : '';
if (realReason && process.env.CI === 'true' && arch() === 'x64')
  throw new Error(`CI=true on x64 and ${realReason}: run npm ci with install scripts allowed`);
if (realReason) console.warn(`skipping real naudiodon tests: ${realReason}`);

describe('naudiodon on this machine', () => {
  it('is not even loaded where there is no sound card, so libasound prints nothing', () => {
    expect(soundCardProblem(() => '--- no soundcards ---\n')).toMatch(/no sound card/);
    expect(
      soundCardProblem(() => {
        throw new Error('ENOENT');
      }),
    ).toMatch(/no sound card/);
    expect(soundCardProblem(() => ' 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n')).toBeNull();
  });

  it.skipIf(Boolean(realReason))('loads, and lists its devices without hanging', async () => {
    const started = performance.now();
    const list = await listDevices();
    expect(performance.now() - started).toBeLessThan(5000);
    const viaPortAudio = list.devices.filter((entry) => entry.backend === 'naudiodon');
    if (viaPortAudio.length > 0) return expect(viaPortAudio[0]?.card).toBe(-1);
    expect(list.notes.join('\n')).toMatch(/naudiodon \(PortAudio\) lists no device|no sound card/);
    expect(list.notes.join('\n')).toMatch(/arecord -l/);
  });

  it.skipIf(Boolean(realReason))(
    'falls back to the ALSA tools with the reason when PortAudio has no input device',
    async (context) => {
      const module = (real as { module: NaudiodonModule }).module;
      if (devicesFor(module, 'capture').length > 0) return context.skip('this machine has a PortAudio input device');
      const { lines, log } = recordingLog();
      const capture = await openCapture({
        backend: 'auto',
        device: 'null',
        log,
        loadNaudiodon: loadReal,
        alsa: (options) => alsaCapture({ ...options, durationSeconds: 1 }),
      });
      expect(capture.backend).toBe('alsa');
      expect(capture.fallbackReason).toMatch(/PortAudio lists no capture device/);
      expect(
        lines.some(
          (line) =>
            line.message === 'using the ALSA tools for capture' && /no capture device/.test(String(line.reason)),
        ),
      ).toBe(true);
      const frames = await collect(capture.frames);
      expect(frames.reduce((total, frame) => total + frame.length, 0)).toBeGreaterThan(15000);
    },
    10_000,
  );

  it.skipIf(Boolean(realReason))('says clearly that there is no device to play on', async () => {
    await expect(createNaudiodonPlayer({ load: loadReal })(Buffer.alloc(3200), { sampleRate: 16000 })).rejects.toThrow(
      /PortAudio lists no playback device|naudiodon could not open playback device/,
    );
  });
});

describe('naudiodon capture (a naudiodon-shaped stand-in)', () => {
  it('turns odd-sized PCM chunks into 1280-sample frames, every sample kept', async () => {
    const bytes = Buffer.from(ramp.buffer);
    const fake = fakeNaudiodon([usbMic, speaker], {
      chunks: [bytes.subarray(0, 999), bytes.subarray(999, 4001), bytes.subarray(4001)],
    });
    const capture = await openCapture({ device: 'usb audio', loadNaudiodon: async () => fake });
    expect(capture.backend).toBe('naudiodon');
    const frames = await collect(capture.frames);
    expect(frames.map((frame) => frame.length)).toEqual([1280, 1280, 440]);
    expect(frames.every((frame) => frame instanceof Int16Array)).toBe(true);
    expect(Array.from(frames[1] ?? [])).toEqual(Array.from(ramp.subarray(1280, 2560)));
    expect(fake.opened[0]?.inOptions).toEqual({
      channelCount: 1,
      sampleFormat: 16,
      sampleRate: 16000,
      deviceId: 3,
      closeOnError: true,
    });
    expect(fake.calls[0]).toBe('start');
  });

  it('stops the PortAudio stream when the capture is aborted', async () => {
    const fake = fakeNaudiodon([usbMic], { endless: true });
    const controller = new AbortController();
    const capture = await openCapture({
      backend: 'naudiodon',
      signal: controller.signal,
      loadNaudiodon: async () => fake,
    });
    let count = 0;
    for await (const frame of capture.frames) {
      expect(frame.length).toBe(1280);
      if (++count === 3) controller.abort();
    }
    expect(count).toBe(3);
    expect(fake.calls).toContain('abort');
    expect(fake.opened[0]?.inOptions?.deviceId).toBe(-1);
  });

  it('falls back to ALSA when naudiodon cannot load, and says why', async () => {
    const { lines, log } = recordingLog();
    const alsaFrames = (async function* () {
      yield new Int16Array(1280);
    })();
    const capture = await openCapture({
      log,
      loadNaudiodon: async () => {
        throw new Error('Cannot find module naudiodon');
      },
      alsa: () => alsaFrames,
    });
    expect(capture.backend).toBe('alsa');
    expect(capture.fallbackReason).toMatch(/naudiodon could not be loaded \(Cannot find module naudiodon\)/);
    expect(lines.find((line) => line.message === 'using the ALSA tools for capture')?.reason).toBe(
      capture.fallbackReason,
    );
  });

  it('with backend naudiodon, a named device PortAudio does not list is an error naming the devices it has', async () => {
    const fake = fakeNaudiodon([usbMic, speaker]);
    await expect(
      openCapture({ backend: 'naudiodon', device: 'respeaker', loadNaudiodon: async () => fake }),
    ).rejects.toThrow(/no PortAudio capture device matches "respeaker" \(found "USB Audio Device: - \(hw:1,0\)"\)/);
  });

  it('chooses devices by name: default is -1, otherwise a case-insensitive part of the name', () => {
    const fake = fakeNaudiodon([usbMic, speaker]) as unknown as NaudiodonModule;
    expect(findDeviceId(fake, 'default', 'capture')).toEqual({ id: -1 });
    expect(findDeviceId(fake, 'HW:1', 'capture')).toEqual({ id: 3 });
    expect(findDeviceId(fake, 'headphones', 'playback')).toEqual({ id: 4 });
    expect(findDeviceId(fake, 'headphones', 'capture')).toEqual({
      reason: expect.stringMatching(/no PortAudio capture device matches/),
    });
  });

  it('lists PortAudio devices by the names config takes', async () => {
    const fake = fakeNaudiodon([usbMic, speaker]);
    const list = await listDevices(undefined, { loadNaudiodon: async () => fake });
    expect(list.devices.map((entry) => [entry.direction, entry.alsaName, entry.backend])).toEqual([
      ['capture', 'USB Audio Device: - (hw:1,0)', 'naudiodon'],
      ['playback', 'bcm2835 Headphones: - (hw:0,0)', 'naudiodon'],
    ]);
  });
});

describe('naudiodon playback (a naudiodon-shaped stand-in)', () => {
  it('writes the PCM to the named output device at its sample rate', async () => {
    const fake = fakeNaudiodon([usbMic, speaker]);
    const pcm = Buffer.from(ramp.buffer);
    await createNaudiodonPlayer({ device: 'headphones', load: async () => fake })(pcm, { sampleRate: 22050 });
    expect(Buffer.concat(fake.written).equals(pcm)).toBe(true);
    expect(fake.opened[0]?.outOptions).toMatchObject({
      sampleRate: 22050,
      deviceId: 4,
      channelCount: 1,
      sampleFormat: 16,
    });
  });

  it('stops at once when aborted', async () => {
    const fake = fakeNaudiodon([speaker]);
    const controller = new AbortController();
    controller.abort();
    await createNaudiodonPlayer({ load: async () => fake })(Buffer.alloc(32000), {
      sampleRate: 16000,
      signal: controller.signal,
    });
    expect(fake.calls).toContain('abort');
    expect(fake.written).toHaveLength(0);
  });

  it('plays the local channel speech through naudiodon, skipping empty chunks', async () => {
    const fake = fakeNaudiodon([speaker]);
    const sink = createNaudiodonSink({ device: 'bcm2835', load: async () => fake });
    await sink.play({ pcm: Buffer.alloc(0), sampleRate: 22050 });
    await sink.play({ pcm: Buffer.from(ramp.buffer), sampleRate: 22050 });
    expect(fake.opened).toHaveLength(1);
    expect(Buffer.concat(fake.written).length).toBe(ramp.length * 2);
  });

  it('loads naudiodon and looks the device up once per sink, not per sentence', async () => {
    const fake = fakeNaudiodon([speaker]);
    let loads = 0;
    let lookups = 0;
    const getDevices = fake.getDevices;
    fake.getDevices = () => (lookups++, getDevices());
    const sink = createNaudiodonSink({ device: 'bcm2835', load: async () => (loads++, fake) });
    for (let sentence = 0; sentence < 3; sentence++)
      await sink.play({ pcm: Buffer.from(ramp.buffer), sampleRate: 22050 });
    expect(fake.opened).toHaveLength(3);
    expect({ loads, lookups }).toEqual({ loads: 1, lookups: 1 });
  });
});
