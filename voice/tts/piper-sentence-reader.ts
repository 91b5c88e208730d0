import type { ChildProcess } from 'node:child_process';
import { EngineError } from '../../src/errors.js';

export interface SentenceReader {
  /**
   * Calls `send` (which writes one sentence to piper), then yields that sentence's PCM (even byte
   * lengths) up to its boundary. The rest of a sentence left early is dropped before `send`.
   */
  nextSentence(send: () => void, signal?: AbortSignal): AsyncGenerator<Buffer>;
}

/**
 * Splits piper's continuous stdout into sentences. With an end marker (the C++ piper's stderr
 * line) a sentence ends once the marker was seen and stdout has been quiet for 40 ms (the two pipes
 * are not ordered); without one, after `gapMs` of quiet following some audio.
 */
export function createSentenceReader(
  child: ChildProcess,
  endMarker: RegExp | undefined,
  gapMs: number,
): SentenceReader {
  let pending: Buffer[] = [];
  let carry = Buffer.alloc(0);
  /** Of the sentence last sent: its end marker arrived, some of its audio arrived. */
  let markerSeen = false;
  let heardAudio = false;
  let exited = false;
  let wake = () => {};
  let lastAudioAt = 0;
  child.stdout?.on('data', (chunk: Buffer) => {
    const bytes = Buffer.concat([carry, chunk]);
    const usable = bytes.length - (bytes.length % 2);
    if (usable > 0) pending.push(bytes.subarray(0, usable));
    carry = bytes.subarray(usable);
    lastAudioAt = Date.now();
    wake();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    if (endMarker?.test(chunk.toString('utf8'))) markerSeen = true;
    wake();
  });
  child.once('exit', () => {
    exited = true;
    wake();
  });

  /** Set when a sentence was left before its end (barge-in): piper is still writing the rest of it. */
  let unfinished = false;

  async function* readSentence(signal?: AbortSignal): AsyncGenerator<Buffer> {
    const startedAt = Date.now();
    for (;;) {
      while (pending.length > 0) {
        const chunks = pending;
        pending = [];
        heardAudio = true;
        for (const chunk of chunks) yield chunk;
      }
      if (signal?.aborted) return;
      const quietFor = Date.now() - lastAudioAt;
      if (endMarker && markerSeen && quietFor >= 40) return;
      if (!endMarker && heardAudio && quietFor >= gapMs) return;
      if (exited) throw new EngineError('piper', 'piper exited while speaking', { transient: true });
      if (Date.now() - startedAt > 30_000)
        throw new EngineError('piper', 'piper produced no end of sentence within 30 s', { transient: true });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 20);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  async function* nextSentence(send: () => void, signal?: AbortSignal): AsyncGenerator<Buffer> {
    if (unfinished) {
      // The rest of a sentence left before its end (barge-in) belongs to no one: read it to its end and drop it.
      for await (const _dropped of readSentence()) {
        /* dropped */
      }
      unfinished = false;
    }
    markerSeen = false;
    heardAudio = false;
    send();
    let ended = false;
    try {
      for await (const chunk of readSentence(signal)) yield chunk;
      ended = !signal?.aborted;
    } finally {
      unfinished = !ended;
    }
  }
  return { nextSentence };
}
