/**
 * Small helpers that turn numbers into words a text-to-speech engine reads well:
 * rounded figures, units spelled out, lists joined with "and". No markdown, ever.
 */

/** 3 -> "3", 0.4 -> "0.4", 9.84 -> "9.8": one decimal below 10, whole numbers above. */
export function spokenNumber(value: number): string {
  if (!Number.isFinite(value)) return 'an unknown number of';
  const rounded = Math.abs(value) < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return String(rounded);
}

/** 12.4 -> "12 percent"; tiny non-zero values say "less than 1 percent". */
export function spokenPercent(value: number): string {
  if (!Number.isFinite(value)) return 'an unknown percentage';
  if (value > 0 && value < 0.5) return 'less than 1 percent';
  return `${Math.round(value)} percent`;
}

/** A process share: one decimal below 10 ("4.1 percent"). */
export function spokenSmallPercent(value: number): string {
  if (!Number.isFinite(value)) return 'an unknown percentage';
  if (value > 0 && value < 0.1) return 'less than 0.1 percent';
  return `${spokenNumber(value)} percent`;
}

const gibibyte = 1024 ** 3;
const mebibyte = 1024 ** 2;

/** Bytes as "9.8 gigabytes", "1.2 terabytes" or "512 megabytes". */
export function spokenBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'an unknown amount';
  if (bytes >= 1024 * gibibyte) return `${spokenNumber(bytes / (1024 * gibibyte))} terabytes`;
  if (bytes >= gibibyte) return `${spokenNumber(bytes / gibibyte)} gigabytes`;
  return `${Math.round(bytes / mebibyte)} megabytes`;
}

/** The gigabyte figure without its unit, for "9.8 of 24 gigabytes". */
export function spokenGigabytes(bytes: number): string {
  return spokenNumber(bytes / gibibyte);
}

/** "1 container", "2 containers". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** ["a"] -> "a"; ["a", "b", "c"] -> "a, b and c". */
export function joinSpoken(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 273600 -> "3 days and 4 hours"; 300 -> "5 minutes". */
export function spokenDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 60) return 'less than a minute';
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return hours > 0 ? `${countOf(days, 'day')} and ${countOf(hours, 'hour')}` : countOf(days, 'day');
  if (hours > 0)
    return minutes > 0 ? `${countOf(hours, 'hour')} and ${countOf(minutes, 'minute')}` : countOf(hours, 'hour');
  return countOf(minutes, 'minute');
}

/** "/" is "the root filesystem"; other mounts are said as they are. */
export function spokenMount(mount: string): string {
  return mount === '/' ? 'the root filesystem' : mount;
}

/** Upper-cases the first letter, for a sentence that starts with a mount or a phrase. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Makes text from outside (log lines, tool messages) safe to speak: no markup, one line, bounded. */
export function speakable(text: string, maxLength = 120): string {
  const plain = text
    .replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')
    .replace(/[`*|~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > maxLength ? `${plain.slice(0, maxLength - 3).trimEnd()}...` : plain;
}

/** Ensures a sentence ends with punctuation. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
