/**
 * A stand-in for naudiodon with its real shape: getDevices(), SampleFormat16Bit, and AudioIO() returning a
 * Node stream with start/quit/abort (a Readable for inOptions, a Writable for outOptions that emits
 * 'finished' after end(), as naudiodon's does).
 */
import { Readable, Writable } from 'node:stream';
import type { NaudiodonDevice, NaudiodonStreamOptions } from '../../voice/audio/naudiodon.js';

export interface FakeNaudiodon {
  SampleFormat16Bit: number;
  getDevices(): NaudiodonDevice[];
  AudioIO(options: { inOptions?: NaudiodonStreamOptions; outOptions?: NaudiodonStreamOptions }): unknown;
  /** Options of every AudioIO call, and what each stream did. */
  opened: Array<{ inOptions?: NaudiodonStreamOptions; outOptions?: NaudiodonStreamOptions }>;
  calls: string[];
  written: Buffer[];
}

export function device(id: number, name: string, inputs: number, outputs: number): NaudiodonDevice {
  return { id, name, maxInputChannels: inputs, maxOutputChannels: outputs, hostAPIName: 'ALSA' };
}

/** chunks: the raw bytes the "microphone" delivers; endless: keep delivering silence until aborted. */
export function fakeNaudiodon(
  devices: NaudiodonDevice[],
  input: { chunks?: Buffer[]; endless?: boolean } = {},
): FakeNaudiodon {
  const fake: FakeNaudiodon = {
    SampleFormat16Bit: 16,
    opened: [],
    calls: [],
    written: [],
    getDevices: () => devices,
    AudioIO(options) {
      fake.opened.push(options);
      const stream = options.inOptions ? readable(input) : writable(fake);
      return Object.assign(stream, {
        start: () => fake.calls.push('start'),
        quit: (callback?: () => void) => {
          fake.calls.push('quit');
          callback?.();
        },
        abort: (callback?: () => void) => {
          fake.calls.push('abort');
          callback?.();
        },
      });
    },
  };
  return fake;
}

function readable(input: { chunks?: Buffer[]; endless?: boolean }): Readable {
  const queue = [...(input.chunks ?? [])];
  return new Readable({
    read() {
      const next = queue.shift();
      if (next) return void this.push(next);
      if (input.endless) return void setTimeout(() => this.push(Buffer.alloc(640)), 5);
      this.push(null);
    },
  });
}

function writable(fake: FakeNaudiodon): Writable {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      fake.written.push(Buffer.from(chunk));
      callback();
    },
  });
  stream.on('finish', () => setImmediate(() => stream.emit('finished')));
  return stream;
}
