import type { EngineProbe } from '../../src/probe.js';
import type { WakeDetection, WakeMode, WakeWordDetector } from './wake.js';

/**
 * A wake word detector for tests and benchmarks: fires "hey_jarvis" on the chosen frame numbers (counted
 * from the start or the last reset) and records the modes it was put in.
 */
export class FakeWake implements WakeWordDetector {
  readonly name = 'fake';
  readonly frameSamples = 1280;
  readonly modes: WakeMode[] = [];
  private frame = 0;

  constructor(private readonly fireAtFrames: number[]) {}

  async process(): Promise<WakeDetection[]> {
    const index = this.frame++;
    if (!this.fireAtFrames.includes(index)) return [];
    return [{ name: 'hey_jarvis', score: 0.9, endSample: index * this.frameSamples, endMs: index * 80 }];
  }

  setMode(mode: WakeMode): void {
    this.modes.push(mode);
  }

  reset(): void {
    this.frame = 0;
  }

  async probe(): Promise<EngineProbe> {
    return { name: 'wake:fake', status: 'ok', detail: 'fake' };
  }
}
