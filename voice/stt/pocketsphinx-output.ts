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
export function parsePocketsphinxOutput(stdout: string): {
  text: string;
  segments: WordSegment[];
  silences: WordSegment[];
} {
  const hypotheses: string[] = [];
  const segments: WordSegment[] = [];
  const silences: WordSegment[] = [];
  for (const rawLine of stdout.split('\n')) {
    const line = rawLine.trim();
    if (!line) continue;
    const segment = /^(\S+) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)$/.exec(line);
    if (segment) {
      const word = (segment[1] ?? '').replace(/\(\d+\)$/, '');
      const timed = { word, startSeconds: Number(segment[2]), endSeconds: Number(segment[3]) };
      if (!nonWords.test(word)) segments.push(timed);
      else if (word === '<sil>') silences.push(timed);
    } else {
      hypotheses.push(line);
    }
  }
  return { text: hypotheses.join(' ').replace(/\s+/g, ' ').trim(), segments, silences };
}

/** Total seconds covered by real words. */
export function wordSeconds(segments: WordSegment[]): number {
  return segments.reduce((total, segment) => total + (segment.endSeconds - segment.startSeconds + 0.01), 0);
}

/**
 * Seconds the decoder called silence before the last word: in-grammar speech (leading quiet trimmed)
 * has almost none, while speech outside the grammar is forced into a few words with long silences.
 */
export function silenceBeforeLastWord(parsed: { segments: WordSegment[]; silences: WordSegment[] }): number {
  const lastWordStart = parsed.segments.reduce((latest, segment) => Math.max(latest, segment.startSeconds), 0);
  return parsed.silences
    .filter((silence) => silence.startSeconds < lastWordStart)
    .reduce((total, silence) => total + (silence.endSeconds - silence.startSeconds), 0);
}
