/** Scripted parts for local-channel tests: tones as speech, energy endpointers, a scripted core (FakeWake is in voice/wake). */
import type { Core, Turn } from '../../src/core/turn.js';
import type { TurnEvent } from '../../src/types.js';
import { createEnergyVad } from '../../voice/vad/energy-vad.js';
import { createEndpointer } from '../../voice/vad/endpointer.js';
import type { EndpointerRequest } from '../../channels/local/ports.js';

export const frameSamples = 1280;

/** Frames of a loud 300 Hz tone (speech to an energy VAD) or of silence. */
export function toneFrames(milliseconds: number): Int16Array[] {
  return Array.from({ length: Math.round(milliseconds / 80) }, () =>
    Int16Array.from({ length: frameSamples }, (_, index) =>
      Math.round(10000 * Math.sin((2 * Math.PI * 300 * index) / 16000)),
    ),
  );
}
export function silenceFrames(milliseconds: number): Int16Array[] {
  return Array.from({ length: Math.round(milliseconds / 80) }, () => new Int16Array(frameSamples));
}

export function energyEndpointers(request: EndpointerRequest) {
  return createEndpointer({
    vad: createEnergyVad(),
    preset: 'fast',
    noSpeechTimeoutMs: request.noSpeechTimeoutMs ?? 3000,
    minSpeechMs: request.minSpeechMs ?? 160,
  });
}

export async function* paced(frames: Int16Array[], delayMs: number): AsyncGenerator<Int16Array> {
  for (const frame of frames) {
    yield frame;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

export type Script = {
  sentences: string[];
  delayMs?: number;
  firstDelayMs?: number;
  approval?: { confirmPhrase: string };
};

/** A core that answers each turn from a script, with delays between sentences; records turns. */
export class ScriptedCore implements Core {
  readonly turns: Turn[] = [];
  /** Clock time at which each sentence event was yielded. */
  readonly yieldedAt: number[] = [];
  constructor(private readonly scripts: Script[]) {}
  async *handle(turn: Turn): AsyncGenerator<TurnEvent> {
    this.turns.push(turn);
    const script = this.scripts.shift();
    if (!script)
      throw new Error(`ScriptedCore: turn ${this.turns.length} ("${turn.text}") is past the end of its script`);
    if (script.firstDelayMs) await sleep(script.firstDelayMs, turn.signal);
    if (script.approval) {
      yield {
        type: 'approval-request',
        approval: {
          id: 'a1',
          tool: 'docker_restart',
          description: "restart container 'plex-server'",
          expiresAt: new Date(Date.now() + 60_000),
          confirmPhrase: script.approval.confirmPhrase,
        },
      };
    }
    for (const [index, text] of script.sentences.entries()) {
      if (index > 0 && script.delayMs) await sleep(script.delayMs, turn.signal);
      if (turn.signal?.aborted) return;
      this.yieldedAt.push(performance.now());
      yield { type: 'sentence', text };
    }
    yield { type: 'done', text: script.sentences.join(' '), source: 'router' };
  }
  resolveApproval(): never {
    throw new Error('the scripted core answers turns only');
  }
  requestAction(): never {
    throw new Error('the scripted core answers turns only');
  }
}

function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, milliseconds);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
