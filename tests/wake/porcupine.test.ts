import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/errors.js';
import { keywordName } from '../../voice/wake/porcupine-detector.js';
import { createPorcupineWake } from '../../voice/wake/porcupine.js';

/**
 * A stand-in for @picovoice/porcupine-node with its documented shape: new Porcupine(accessKey, keywordPaths,
 * sensitivities), frameLength 512, sampleRate 16000, process(frame) -> keyword index or -1, release().
 * It "hears" keyword k in any 512-sample frame whose first sample is 1000 + k.
 */
function fakePorcupineModule(options: { constructorError?: Error } = {}) {
  const record = { frames: [] as Int16Array[], released: 0, created: [] as unknown[][] };
  class Porcupine {
    readonly frameLength = 512;
    readonly sampleRate = 16000;
    constructor(accessKey: string, keywordPaths: string[], sensitivities: number[]) {
      if (options.constructorError) throw options.constructorError;
      record.created.push([accessKey, keywordPaths, sensitivities]);
    }
    process(frame: Int16Array): number {
      if (frame.length !== 512) throw new Error(`PorcupineInvalidArgumentError: frame of ${frame.length}`);
      record.frames.push(frame);
      const marker = (frame[0] ?? 0) - 1000;
      return marker >= 0 && marker < 2 ? marker : -1;
    }
    release(): void {
      record.released += 1;
    }
  }
  return { module: { Porcupine }, record };
}

class PorcupineActivationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PorcupineActivationError';
  }
}

const keywordPaths = ['/opt/ppn/hey-jarvis_en_linux_v3_0_0.ppn', '/opt/ppn/computer_en_linux_v3_0_0.ppn'];

async function detector(extra: { refractoryMs?: number; armedWhileSpeaking?: boolean } = {}) {
  const fake = fakePorcupineModule();
  const wake = await createPorcupineWake({
    accessKey: 'test-key',
    keywordPaths,
    load: async () => fake.module,
    ...extra,
  });
  return { wake, record: fake.record };
}

/** 80 ms frames of silence, with keyword `index` "said" in the 512-sample Porcupine frame number `at`. */
function stream(frames: number, marks: Array<{ at: number; index: number }> = []): Int16Array[] {
  const audio = new Int16Array(frames * 1280);
  for (const mark of marks) audio[mark.at * 512] = 1000 + mark.index;
  return Array.from({ length: frames }, (_, index) => audio.subarray(index * 1280, (index + 1) * 1280));
}

describe('Porcupine wake word adapter', () => {
  it('names keywords from Picovoice Console file names', () => {
    expect(keywordName('/x/hey-jarvis_en_linux_v3_0_0.ppn')).toBe('hey_jarvis');
    expect(keywordName('computer_en_raspberry-pi_v3_0_0.ppn')).toBe('computer');
    expect(keywordName('Hey Sysvox.ppn')).toBe('hey_sysvox');
  });

  it('re-frames 80 ms frames into 512-sample ones and keeps every sample, in order', async () => {
    const { wake, record } = await detector();
    const input = Int16Array.from({ length: 5 * 1280 }, (_, index) => (index % 900) - 450);
    for (let offset = 0; offset < input.length; offset += 1280)
      await wake.process(input.subarray(offset, offset + 1280));
    expect(record.frames.every((frame) => frame.length === 512)).toBe(true);
    expect(record.frames).toHaveLength(12);
    const fed = new Int16Array(record.frames.length * 512);
    record.frames.forEach((frame, index) => fed.set(frame, index * 512));
    expect(Array.from(fed)).toEqual(Array.from(input.subarray(0, 12 * 512)));
    expect(record.created[0]).toEqual(['test-key', keywordPaths, [0.5, 0.5]]);
  });

  it('detects on the frame that carries the keyword, with its name and position', async () => {
    const { wake } = await detector();
    const found: Array<{ frame: number; name: string; endSample: number }> = [];
    const frames = stream(10, [{ at: 7, index: 1 }]);
    for (const [frame, audio] of frames.entries()) {
      for (const detection of await wake.process(audio))
        found.push({ frame, name: detection.name, endSample: detection.endSample });
    }
    // Porcupine frame 7 covers samples 3584..4096, which arrive with the fourth 80 ms frame (index 3).
    expect(found).toEqual([{ frame: 3, name: 'computer', endSample: 4096 }]);
  });

  it('fires once within the refractory period', async () => {
    const { wake } = await detector({ refractoryMs: 1000 });
    const marks = [
      { at: 2, index: 0 },
      { at: 5, index: 0 },
      { at: 40, index: 0 },
    ];
    const names: string[] = [];
    for (const audio of stream(20, marks))
      names.push(...(await wake.process(audio)).map((detection) => detection.name));
    expect(names).toEqual(['hey_jarvis', 'hey_jarvis']);
  });

  it('is muted while sysvox speaks (no score to raise), unless configured to stay armed', async () => {
    const muted = await detector();
    muted.wake.setMode('speaking');
    const heard: number[] = [];
    for (const audio of stream(4, [{ at: 3, index: 0 }])) heard.push((await muted.wake.process(audio)).length);
    expect(heard).toEqual([0, 0, 0, 0]);
    muted.wake.setMode('normal');
    expect(await muted.wake.process(stream(2, [{ at: 1, index: 0 }])[0]!)).toHaveLength(1);

    const armed = await detector({ armedWhileSpeaking: true, refractoryMs: 0 });
    armed.wake.setMode('speaking');
    expect(await armed.wake.process(stream(1, [{ at: 0, index: 0 }])[0]!)).toHaveLength(1);
    armed.wake.setMode('muted');
    expect(await armed.wake.process(stream(3, [{ at: 4, index: 0 }])[1]!)).toHaveLength(0);
  });

  it('releases Porcupine on close, once', async () => {
    const { wake, record } = await detector();
    await wake.close?.();
    await wake.close?.();
    expect(record.released).toBe(1);
    await expect(wake.process(new Int16Array(1280))).rejects.toThrow(/Porcupine was closed/);
  });

  it('says the AccessKey is checked online and that openWakeWord works offline when activation fails', async () => {
    const fake = fakePorcupineModule({ constructorError: new PorcupineActivationError('AccessKey is invalid') });
    const failure = createPorcupineWake({ accessKey: 'wrong', keywordPaths, load: async () => fake.module });
    await expect(failure).rejects.toBeInstanceOf(EngineError);
    await expect(failure).rejects.toThrow(
      /AccessKey check failed \(AccessKey is invalid\)\. Porcupine checks its AccessKey online.*voice\.wake\.engine: openwakeword/,
    );
  });

  it('names the package to install when @picovoice/porcupine-node is missing', async () => {
    const missing = async () => {
      throw new Error("Cannot find package '@picovoice/porcupine-node'");
    };
    await expect(createPorcupineWake({ accessKey: 'k', keywordPaths, load: missing })).rejects.toThrow(
      /npm install @picovoice\/porcupine-node/,
    );
  });

  it('asks for keyword files when none are configured', async () => {
    const fake = fakePorcupineModule();
    await expect(
      createPorcupineWake({ accessKey: 'k', keywordPaths: [], load: async () => fake.module }),
    ).rejects.toThrow(/voice\.wake\.porcupine\.keywordPaths/);
  });
});
