/**
 * Whisper fills silence and noise with stock phrases learned from subtitles. These, and bracketed
 * or parenthesised non-speech tags, count as nothing said.
 */
const knownHallucinations = new Set([
  '',
  'you',
  'thank you',
  'thank you.',
  'thanks',
  'thanks for watching',
  'thanks for watching!',
  'thank you for watching',
  'thank you for watching.',
  'bye',
  'bye.',
  'okay',
  'so',
  'the',
  'please subscribe',
  'subtitles by the amara.org community',
  '.',
  '...',
]);

export function isNothingSaid(text: string): boolean {
  const withoutTags = text
    .replace(/\[[^\]]*\]|\([^)]*\)|\*[^*]*\*|♪/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const plain = withoutTags.toLowerCase().replace(/[.!?,\s]+$/g, '');
  return (
    knownHallucinations.has(withoutTags.toLowerCase()) || knownHallucinations.has(plain) || !/[a-z0-9]/i.test(plain)
  );
}

/** The transcript to keep: trimmed, tags removed, or empty when it is a known non-speech output. */
export function cleanTranscript(text: string): string {
  if (isNothingSaid(text)) return '';
  return text
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
