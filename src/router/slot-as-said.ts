/**
 * A free-text slot ({fact}) as the person wrote it. Matching works on normalised words (lowercase,
 * symbols gone), which is right for matching but loses what a fact says: "the backup port is > 8080
 * # nas" would be remembered as "the backup port is 8080 nas". When the slot is the tail of the
 * utterance (every {fact} template ends with it), the same words are found in the text as written
 * and that is returned; anything else (numbers said in words, dropped courtesy words) keeps the
 * normalised slot.
 */
import { normalizeUtterance } from './normalize.js';

export function slotAsSaid(said: string | undefined, normalizedSlot: string): string {
  if (said === undefined || normalizedSlot === '') return normalizedSlot;
  const text = said.trim().replace(/[.!?]+$/, '');
  for (const start of wordStarts(text)) {
    const tail = text.slice(start).trim();
    if (normalizeUtterance(tail).join(' ') === normalizedSlot) return tail;
  }
  return normalizedSlot;
}

/** Where each word of the text begins, first to last (the longest matching tail wins). */
function wordStarts(text: string): number[] {
  return [...text.matchAll(/(?<=^|\s)\S/g)].map((match) => match.index);
}
