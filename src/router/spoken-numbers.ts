/**
 * Spoken numbers to digits ("twenty five" -> "25"), so "worker two" and "worker 2" read the same.
 */
const units: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const tens: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const scales: Record<string, number> = { hundred: 100, thousand: 1000 };

function isNumberWord(word: string): boolean {
  return word in units || word in tens || word in scales;
}

/** Reads one run of number words ("two hundred and five") starting at `start`; returns value and length. */
function readNumber(tokens: string[], start: number): { value: number; length: number } {
  let total = 0;
  let current = 0;
  let index = start;
  let lastWasTens = false;
  while (index < tokens.length) {
    const word = tokens[index]!;
    const next = tokens[index + 1];
    if (word === 'and' && index > start && next !== undefined && isNumberWord(next) && !(next in scales)) {
      index += 1;
      continue;
    }
    if (word in units) {
      if (current % 10 !== 0 || (current > 0 && current < 20)) break;
      if (current > 0 && !lastWasTens && current % 100 !== 0) break;
      current += units[word]!;
      lastWasTens = false;
    } else if (word in tens) {
      if (current % 100 !== 0) break;
      current += tens[word]!;
      lastWasTens = true;
    } else if (word === 'hundred') {
      current = (current || 1) * 100;
      lastWasTens = false;
    } else if (word === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
      lastWasTens = false;
    } else break;
    index += 1;
  }
  return { value: total + current, length: index - start };
}

/** Replaces every run of number words with its digits; other tokens pass through. */
export function digitsForSpokenNumbers(tokens: string[]): string[] {
  const result: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    const word = tokens[index]!;
    if (!isNumberWord(word) || word in scales) {
      result.push(word);
      index += 1;
      continue;
    }
    const { value, length } = readNumber(tokens, index);
    result.push(String(value));
    index += Math.max(length, 1);
  }
  return result;
}
