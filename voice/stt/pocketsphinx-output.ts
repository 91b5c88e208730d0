/** One word with its times, from `pocketsphinx_continuous -time yes`. */
export interface WordSegment {
  word: string;
  startSeconds: number;
  endSeconds: number;
}

/** Fillers and silence markers that are not words anyone said. */
const nonWords = /^(<sil>|<s>|<\/s>|\(NULL\)|\[[A-Z_]+\]|\+\+.*\+\+)$/;

/**
 * Parses `-time yes` output: per utterance a hypothesis line, then "word start end confidence"
 * lines. Several utterances (pauses in the audio) are joined in order.
 */
export function parsePocketsphinxOutput(stdout: string): { text: string; segments: WordSegment[] } {
  const hypotheses: string[] = [];
  const segments: WordSegment[] = [];
  for (const rawLine of stdout.split('\n')) {
    const line = rawLine.trim();
    if (!line) continue;
    const segment = /^(\S+) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)$/.exec(line);
    if (segment) {
      const word = (segment[1] ?? '').replace(/\(\d+\)$/, '');
      if (!nonWords.test(word))
        segments.push({ word, startSeconds: Number(segment[2]), endSeconds: Number(segment[3]) });
    } else {
      hypotheses.push(line);
    }
  }
  return { text: hypotheses.join(' ').replace(/\s+/g, ' ').trim(), segments };
}

/** Total seconds covered by real words. */
export function wordSeconds(segments: WordSegment[]): number {
  return segments.reduce((total, segment) => total + (segment.endSeconds - segment.startSeconds + 0.01), 0);
}
