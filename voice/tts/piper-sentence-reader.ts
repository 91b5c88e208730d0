import type { ChildProcess } from 'node:child_process';
import { EngineError } from '../../src/errors.js';

export interface SentenceReader {
  /** PCM (even byte lengths) for the sentence just written, ending at the sentence boundary. */
  nextSentence(signal?: AbortSignal): AsyncGenerator<Buffer>;
}

/**
 * Splits piper's continuous stdout into sentences. With an end marker (the C++ piper's stderr
 * line) a sentence ends once the marker was seen and stdout has been quiet for 40 ms (the two pipes
 * are not ordered); without one, after `gapMs` of quiet following some audio.
 */
export function createSentenceReader(child: ChildProcess, endMarker: RegExp | undefined, gapMs: number): SentenceReader {
  let pending: Buffer[] = [];
  let carry = Buffer.alloc(0);
  let markerSeen = false;
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

  async function* nextSentence(signal?: AbortSignal): AsyncGenerator<Buffer> {
    markerSeen = false;
    let heardAudio = false;
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
      if (Date.now() - startedAt > 30_000) throw new EngineError('piper', 'piper produced no end of sentence within 30 s', { transient: true });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 20);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
  return { nextSentence };
}
