/**
 * Cuts streamed model text into speakable sentences as soon as each one ends, so speech can start
 * before the brain is done. A sentence ends at . ! ? followed by whitespace, or at a line break.
 * Not a boundary: decimals ("3.5 percent"), versions ("1.2.3"), IPs, dotted container names (the
 * dot is not followed by whitespace) and common abbreviations ("e.g. ", "vs. ", "Mr. ").
 * Markdown bullets, headings, emphasis and backticks are dropped: they are not meant to be heard.
 */
export interface SentenceSplitter {
  /** Adds streamed text; returns the sentences completed by it, in order. */
  push(delta: string): string[];
  /** Returns whatever is left as the last sentence(s) and resets. */
  flush(): string[];
}

/** Not "no.": a reply that starts "No. ..." is far more common in speech than "no. 5". */
const abbreviations = new Set(['e.g.', 'i.e.', 'mr.', 'mrs.', 'ms.', 'dr.', 'vs.', 'approx.', 'cf.', 'st.']);
const closingCharacters = new Set(['"', "'", ')', ']', '’', '”']);
const bulletPrefix = /^[ \t]*(?:\d{1,3}[.)]|[-*•+])[ \t]+/;
/** A line start that could still grow into a bullet ("1", "12.", "-"): wait for more text. */
const partialBullet = /^[ \t]*(?:\d{1,3}[.)]?|[-*•+])$/;

export function createSentenceSplitter(): SentenceSplitter {
  let buffer = '';
  let atLineStart = true;

  const take = (final: boolean): string[] => {
    const sentences: string[] = [];
    for (;;) {
      if (atLineStart) {
        if (!final && partialBullet.test(buffer)) break;
        buffer = buffer.replace(bulletPrefix, '');
      }
      const boundary = findBoundary(buffer);
      if (!boundary) break;
      addSentence(sentences, buffer.slice(0, boundary.end));
      buffer = buffer.slice(boundary.next);
      atLineStart = boundary.newline;
      if (!boundary.newline) buffer = buffer.replace(/^[ \t]+/, '');
    }
    if (final) {
      addSentence(sentences, buffer);
      buffer = '';
      atLineStart = true;
    }
    return sentences;
  };

  return {
    push: (delta) => {
      buffer += delta;
      return take(false);
    },
    flush: () => take(true),
  };
}

interface Boundary {
  /** Where the sentence text ends (exclusive). */
  end: number;
  /** Where the rest of the buffer starts. */
  next: number;
  newline: boolean;
}

function findBoundary(text: string): Boundary | undefined {
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '\n') return { end: index, next: index + 1, newline: true };
    if (character !== '.' && character !== '!' && character !== '?') continue;
    let end = index + 1;
    while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
    while (end < text.length && closingCharacters.has(text[end] ?? '')) end++;
    if (end >= text.length) return undefined; // cannot tell yet whether whitespace follows
    const following = text[end] ?? '';
    if (!/\s/.test(following)) {
      index = end - 1;
      continue;
    }
    if (character === '.' && isAbbreviation(text.slice(0, index + 1))) {
      index = end - 1;
      continue;
    }
    if (following === '\n') return { end, next: end + 1, newline: true };
    return { end, next: end, newline: false };
  }
  return undefined;
}

function isAbbreviation(textUpToPeriod: string): boolean {
  const word = /(?:^|[^A-Za-z.])((?:[A-Za-z]+\.)+)$/.exec(textUpToPeriod)?.[1]?.toLowerCase() ?? '';
  return abbreviations.has(word);
}

function addSentence(sentences: string[], raw: string): void {
  const cleaned = cleanMarkdown(raw).trim();
  if (cleaned && /[\p{L}\p{N}]/u.test(cleaned)) sentences.push(cleaned);
}

function cleanMarkdown(text: string): string {
  return text
    .replace(/^[ \t]*#{1,6}[ \t]+/, '')
    .replace(bulletPrefix, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/[ \t]+/g, ' ');
}
