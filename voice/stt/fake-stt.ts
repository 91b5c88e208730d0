import type { EngineProbe } from '../../src/probe.js';
import type { Pcm16, SpeechToText, SttHints, Transcript } from './stt.js';

/** Replays scripted transcripts (or errors) in order and records each call; a call past the script throws. */
export class FakeStt implements SpeechToText {
  readonly calls: { audio: Pcm16; hints?: SttHints }[] = [];
  constructor(
    readonly name: string,
    private readonly script: (string | Error)[],
    private readonly probeResult: EngineProbe = { name: `stt:${name}`, status: 'ok', detail: 'fake' },
  ) {}

  async transcribe(audio: Pcm16, options: { hints?: SttHints } = {}): Promise<Transcript> {
    this.calls.push({ audio, hints: options.hints });
    const next = this.script.shift();
    if (next === undefined)
      throw new Error(`FakeStt ${this.name}: transcribe call ${this.calls.length} is past the end of its script`);
    if (next instanceof Error) throw next;
    return { text: next, engine: this.name };
  }

  async probe(): Promise<EngineProbe> {
    return this.probeResult;
  }
}
