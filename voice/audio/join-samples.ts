/** One Int16Array from several, in order; a single part (or one non-empty part) is returned as it is. */
export function joinSamples(...parts: Int16Array[]): Int16Array {
  const nonEmpty = parts.filter((part) => part.length > 0);
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  const joined = new Int16Array(nonEmpty.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of nonEmpty) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
