import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWav } from '../../voice/audio/wav.js';
import type { Pcm16 } from '../../voice/stt/stt.js';

/**
 * Keeps the last `count` utterances as WAV files for debugging (off by default). Audio only ever goes
 * to this folder, never to a log.
 */
export function createUtteranceKeeper(options: {
  count: number;
  directory?: string;
  now?: () => Date;
}): (pcm: Pcm16) => void {
  const { count, directory } = options;
  if (count <= 0 || !directory) return () => {};
  const now = options.now ?? (() => new Date());
  return (pcm) => {
    mkdirSync(directory, { recursive: true });
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    writeFileSync(join(directory, `utterance-${stamp}.wav`), writeWav(pcm.samples, pcm.sampleRate));
    const kept = readdirSync(directory)
      .filter((name) => /^utterance-.*\.wav$/.test(name))
      .sort();
    for (const name of kept.slice(0, Math.max(0, kept.length - count))) rmSync(join(directory, name), { force: true });
  };
}
