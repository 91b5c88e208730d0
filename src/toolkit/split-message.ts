/**
 * Splits a long reply into messages a chat accepts (Telegram 4096 characters, Discord 2000): on line
 * boundaries, and inside a longer line at the end of a sentence or else between words.
 */

/**
 * Splits plain text into pieces of at most `limit` characters, preferring line boundaries; a single
 * line longer than the limit is cut after a sentence, else between words, and only a word longer
 * than the limit is cut inside. Empty text gives no pieces.
 */
export function splitMessage(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current !== '') pieces.push(current);
    current = line;
    while (current.length > limit) {
      const cut = cutPoint(current, limit);
      pieces.push(current.slice(0, cut).trimEnd());
      current = current.slice(cut).trimStart();
    }
  }
  if (current.trim() !== '') pieces.push(current);
  return pieces;
}

/** Where to cut a line longer than the limit: after the last sentence end, else the last space, else hard. */
function cutPoint(line: string, limit: number): number {
  const window = line.slice(0, limit + 1);
  const sentenceEnds = [...window.matchAll(/[.!?…]["')\]]*\s/g)].map((match) => match.index + match[0].length);
  const sentenceEnd = sentenceEnds.filter((end) => end <= limit && end > limit / 2).at(-1);
  if (sentenceEnd !== undefined) return sentenceEnd;
  const space = window.lastIndexOf(' ');
  return space > 0 ? space + 1 : limit;
}
