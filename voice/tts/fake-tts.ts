import type { EngineProbe } from '../../src/probe.js';
import type { AudioChunk, TextToSpeech } from './tts.js';

/** Instant speech for tests: 10 ms of silence per character, and a record of what was said. */
export class FakeTts implements TextToSpeech {
  readonly spoken: string[] = [];
  constructor(
    readonly name = 'fake',
    private readonly sampleRate = 22050,
  ) {}

  async *synthesize(text: string): AsyncGenerator<AudioChunk> {
    this.spoken.push(text);
    yield { sampleRate: this.sampleRate, pcm: Buffer.alloc(Math.round(this.sampleRate * 0.01) * 2 * text.length) };
  }

  async probe(): Promise<EngineProbe> {
    return { name: `tts:${this.name}`, status: 'ok', detail: 'fake' };
  }
}
