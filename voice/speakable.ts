/**
 * Text as it should be heard: no markdown, units said in words, container names and paths
 * readable. Numbers stay as digits (every TTS engine reads them well).
 */
export function toSpeakable(text: string): string {
  let spoken = stripMarkdown(text);
  spoken = sayIpAddresses(spoken);
  spoken = sayUnits(spoken);
  spoken = sayPaths(spoken);
  spoken = spoken.replace(/(?<=[A-Za-z0-9])[-_]+(?=[A-Za-z])/g, ' ').replace(/(?<=[A-Za-z])[-_]+(?=\d)/g, ' ');
  return spoken
    .replace(/[ \t]+/g, ' ')
    .replace(/\s+([.,!?;:])/g, '$1')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

function stripMarkdown(text: string): string {
  const lines = text
    .replace(/```[a-z]*\n?([\s\S]*?)```/gi, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1')
    .replace(/(?<!\w)_(?!\s)([^_\n]+?)_(?!\w)/g, '$1')
    .split('\n')
    .map((line) => line.replace(/^\s*(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)/, '').trim())
    .filter((line) => line && !/^[-*_=|: ]{3,}$/.test(line));
  return lines
    .map((line) => (/[.!?:;,]$/.test(line) ? line : `${line}.`))
    .join('\n')
    .replace(/\.$/, text.trim().match(/[.!?:;,]$/) || lines.length > 1 ? '.' : '');
}

function sayIpAddresses(text: string): string {
  return text.replace(
    /\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?::(\d{1,5}))?\b/g,
    (_match, a: string, b: string, c: string, d: string, port?: string) =>
      `${a} dot ${b} dot ${c} dot ${d}${port ? ` port ${port}` : ''}`,
  );
}

const units: [RegExp, string][] = [
  [/%/, 'percent'],
  [/°\s?C\b/, 'degrees'],
  [/°\s?F\b/, 'degrees Fahrenheit'],
  [/TiB\b/, 'tebibytes'],
  [/GiB\b/, 'gibibytes'],
  [/MiB\b/, 'mebibytes'],
  [/KiB\b/, 'kibibytes'],
  [/TB\b/, 'terabytes'],
  [/GB\b/, 'gigabytes'],
  [/MB\b/, 'megabytes'],
  [/[kK]B\b/, 'kilobytes'],
  [/Gbps\b|Gbit\/s/, 'gigabits per second'],
  [/Mbps\b|Mbit\/s/, 'megabits per second'],
  [/MB\/s/, 'megabytes per second'],
  [/ms\b/, 'milliseconds'],
  [/GHz\b/, 'gigahertz'],
  [/MHz\b/, 'megahertz'],
];

function sayUnits(text: string): string {
  let result = text;
  for (const [unit, words] of [...units].sort((left, right) => right[0].source.length - left[0].source.length)) {
    const pattern = new RegExp(`(\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?)\\s?(?:${unit.source})`, 'g');
    result = result.replace(pattern, `$1 ${words}`);
  }
  return result;
}

function sayPaths(text: string): string {
  return text.replace(/(^|[\s(])(\/[\w.\-/]*)/g, (_match, before: string, path: string) => {
    const parts = path.split('/').filter(Boolean);
    return `${before}${parts.length === 0 ? 'slash' : parts.map((part) => `slash ${part}`).join(' ')}`;
  });
}
