import type { ApprovalView, TurnEvent } from '../../src/types.js';
import { apology, describeError, SysvoxError } from '../../src/errors.js';
import { earcon, type EarconName } from '../../voice/earcons/earcons.js';
import { toSpeakable } from '../../voice/speakable.js';
import type { AudioChunk, TextToSpeech } from '../../voice/tts/tts.js';
import { AsyncQueue } from './async-queue.js';
import type { AudioSink } from './ports.js';

export interface SpeakTurnOptions {
  events: AsyncIterable<TurnEvent>;
  tts: TextToSpeech;
  sink: AudioSink;
  signal: AbortSignal;
  clock: () => number;
  earcons: boolean;
  thinkingAfterMs: number;
  approvalsByVoice: boolean;
  /** Called once, when the first chunk of speech goes to the sink. */
  onFirstAudio?: (at: number) => void;
}

export interface SpokenTurn {
  text: string;
  source: string;
  approval?: ApprovalView;
  /** When the core said 'done' (clock ms). */
  coreDoneAt: number;
  aborted: boolean;
}

type Speech = { kind: 'sentence'; text: string } | { kind: 'earcon'; name: EarconName };

/**
 * Speaks a turn while the core is still producing it: each `sentence` event goes to TTS at once and
 * its audio to the sink, so the first sentence plays while the rest is made. A thinking earcon plays
 * when no sentence came within thinkingAfterMs; done or error earcon at the end. An approval request
 * always ends with the exact phrase to say.
 */
export async function speakTurn(options: SpeakTurnOptions): Promise<SpokenTurn> {
  const queue = new AsyncQueue<Speech>();
  const spoken: string[] = [];
  const speaking = playQueue(queue, options);
  const thinking = setTimeout(() => {
    if (spoken.length === 0 && options.earcons) queue.push({ kind: 'earcon', name: 'thinking' });
  }, options.thinkingAfterMs);
  const result: SpokenTurn = { text: '', source: 'error', coreDoneAt: options.clock(), aborted: false };
  try {
    for await (const event of options.events) {
      if (options.signal.aborted) break;
      if (event.type === 'sentence') {
        spoken.push(event.text);
        queue.push({ kind: 'sentence', text: event.text });
      } else if (event.type === 'approval-request') {
        result.approval = event.approval;
      } else if (event.type === 'done') {
        Object.assign(result, { text: event.text, source: event.source, coreDoneAt: options.clock() });
      }
    }
  } catch (error) {
    const text = error instanceof SysvoxError ? error.spoken : apology;
    Object.assign(result, { text: `${text} (${describeError(error)})`, source: 'error', coreDoneAt: options.clock() });
    queue.push({ kind: 'sentence', text });
  } finally {
    clearTimeout(thinking);
  }
  if (result.approval)
    for (const text of approvalInstructions(result.approval, spoken, options.approvalsByVoice))
      queue.push({ kind: 'sentence', text });
  if (options.earcons) queue.push({ kind: 'earcon', name: result.source === 'error' ? 'error' : 'done' });
  queue.end();
  await speaking;
  result.aborted = options.signal.aborted;
  return result;
}

async function playQueue(queue: AsyncQueue<Speech>, options: SpeakTurnOptions): Promise<void> {
  let firstAudio = true;
  for await (const item of queue) {
    if (options.signal.aborted) return;
    if (item.kind === 'earcon') {
      await options.sink.play(earcon(item.name));
      continue;
    }
    const text = toSpeakable(item.text);
    if (!text) continue;
    const chunks: AsyncIterable<AudioChunk> = options.tts.synthesize(text, { signal: options.signal });
    try {
      for await (const chunk of chunks) {
        if (options.signal.aborted) return;
        if (firstAudio) options.onFirstAudio?.(options.clock());
        firstAudio = false;
        await options.sink.play(chunk);
      }
    } catch (error) {
      if (options.signal.aborted) return;
      throw error;
    }
  }
}

/** The phrase a voice user must say, when the reply did not already say it word for word. */
export function approvalInstructions(approval: ApprovalView, spoken: string[], approvalsByVoice: boolean): string[] {
  if (!approvalsByVoice)
    return ['Voice approval is turned off: approve it from a chat channel or with sysvox approvals.'];
  const phrase = plainWords(approval.confirmPhrase);
  return plainWords(spoken.join(' ')).includes(phrase) ? [] : [`To approve, say: ${approval.confirmPhrase}.`];
}

export function plainWords(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}
