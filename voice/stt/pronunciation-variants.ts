/**
 * Pronunciations the CMU dictionary lacks, measured on espeak-ng's English voices (bench:speech-accuracy):
 * - non-rhotic (British, Scottish) variants: "-er" said as a schwa at the end and before a consonant
 *   ("server" S AH V AH, "containers" ... N AH Z), an "r" after "ah" before a consonant dropped ("start"
 *   S T AA T), and "-er-" before a vowel said as schwa + r ("memory" M EH M AH R IY). Without them these
 *   voices were heard saying other commands ("start" as "stop", "restart plex server" as "stop that",
 *   "how busy is the server" as "how high is the load"; docs/decisions/021 and 023);
 * - words that are names or letters in this domain ("db" as D IY B IY).
 */

/** Extra pronunciations by word, tried after the dictionary's own. */
const extraPronunciations: Readonly<Record<string, readonly string[]>> = {
  db: ['D IY B IY'],
  temperature: ['T EH M P R IH CH ER', 'T EH M P R IH CH AH'],
  uptime: ['AH P T AY M'],
};

const vowels = new Set('AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW'.split(' '));
const consonants = new Set('B CH D DH F G HH JH K L M N NG P S SH T TH V W Y Z ZH'.split(' '));

/** The non-rhotic variant of a pronunciation, or undefined when it has no "r" to drop. */
export function nonRhotic(phones: string): string | undefined {
  const list = phones.split(' ');
  const out: string[] = [];
  for (let index = 0; index < list.length; index++) {
    const phone = list[index] ?? '';
    const next = list[index + 1];
    const last = index === list.length - 1 || (index === list.length - 2 && /^(Z|S|D)$/.test(next ?? ''));
    if (phone === 'ER' && last && index > 1) out.push('AH');
    // Before a vowel the "r" is still said, after a schwa: British "memory" M EH M AH R IY, "average" AE V AH R IH JH.
    else if (phone === 'ER' && index > 0 && next !== undefined && vowels.has(next)) out.push('AH', 'R');
    // Before a consonant the vowel has no r colour at all: British "server" S AH V AH.
    else if (phone === 'ER' && next !== undefined && consonants.has(next)) out.push('AH');
    else if (
      phone === 'R' &&
      index > 0 &&
      /^(AA|AO)$/.test(list[index - 1] ?? '') &&
      next !== undefined &&
      consonants.has(next)
    )
      continue;
    else out.push(phone);
  }
  const variant = out.join(' ');
  return variant === phones ? undefined : variant;
}

/** The dictionary's pronunciations of a word with the extras and the non-rhotic variants, without repeats. */
export function withVariants(word: string, known: readonly string[]): string[] {
  const all = [...known, ...(extraPronunciations[word] ?? [])];
  if (all.some((phones) => phones.includes(' '))) {
    const longer = all.filter((phones) => phones.includes(' '));
    all.length = 0;
    all.push(...longer);
  }
  for (const phones of [...all]) {
    const variant = nonRhotic(phones);
    if (variant) all.push(variant);
  }
  return [...new Set(all)];
}

export function hasExtraPronunciation(word: string): boolean {
  return word in extraPronunciations;
}
