import type { EngineProbe } from '../../src/probe.js';
import type { VoiceActivityDetector } from './vad.js';

/**
 * A VAD for tests: replays a scripted speech probability per frame, in order, and counts the frames it was
 * given; a frame past the end of the script throws, so a test never runs on silence it did not ask for.
 */
export class FakeVad implements VoiceActivityDetector {
  readonly name = 'fake';
  readonly frameSamples = 512;
  framesSeen = 0;

  constructor(private readonly probabilities: number[]) {}

  async speechProbability(): Promise<number> {
    const next = this.probabilities[this.framesSeen];
    if (next === undefined) throw new Error(`FakeVad: frame ${this.framesSeen} is past the end of its script`);
    this.framesSeen++;
    return next;
  }

  reset(): void {}

  async probe(): Promise<EngineProbe> {
    return { name: 'vad:fake', status: 'ok', detail: 'fake' };
  }
}
