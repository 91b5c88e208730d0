/**
 * Reads `journalctl --output=json`: one JSON object per line (systemd.journal-fields(7), "Journal JSON
 * Format"). MESSAGE is a string, an array of bytes when it is not valid UTF-8, or null when it is larger
 * than the field limit (4096 bytes unless --all). Each message is redacted (src/toolkit/redact.ts), its
 * control characters replaced and cut to a budget before anything sees it: it is untrusted text.
 */
import { redactSecrets } from '../../src/toolkit/redact.js';
import type { JournalEntry } from './types.js';

export interface JournalReadOptions {
  /** Most characters kept of one message. */
  maxMessageChars: number;
}

/** syslog priorities (journalctl -p): 0 emerg ... 7 debug. */
export const priorityNames = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'] as const;

function messageText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((byte) => Number.isInteger(byte) && byte >= 0 && byte < 256))
    return Buffer.from(value as number[]).toString('utf8');
  if (value === null) return '[message too large to show]';
  return '';
}

function cleanMessage(raw: string, maxChars: number): string {
  const flat = raw.replace(/[\u0000-\u0008\u000b-\u001f\u007f]+/g, ' ').replace(/\s*\n\s*/g, ' | ');
  const redacted = redactSecrets(flat).trim();
  return redacted.length > maxChars ? `${redacted.slice(0, maxChars - 3)}...` : redacted;
}

function entryFrom(record: Record<string, unknown>, options: JournalReadOptions): JournalEntry | null {
  const micros = Number(record.__REALTIME_TIMESTAMP);
  const priority = Number(record.PRIORITY);
  const message = messageText(record.MESSAGE);
  if (message.length === 0 && record.MESSAGE === undefined) return null;
  const source = typeof record.SYSLOG_IDENTIFIER === 'string' ? record.SYSLOG_IDENTIFIER : undefined;
  return {
    at: Number.isFinite(micros) ? new Date(Math.floor(micros / 1000)).toISOString() : null,
    priority: Number.isInteger(priority) && priority >= 0 && priority <= 7 ? priorityNames[priority]! : 'info',
    ...(source ? { source: cleanMessage(source, 40) } : {}),
    message: cleanMessage(message, options.maxMessageChars),
  };
}

/** The entries, oldest first; lines that are not JSON objects (a cut last line) are skipped. */
export function parseJournalJson(stdout: string, options: JournalReadOptions): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) continue;
    const entry = entryFrom(record as Record<string, unknown>, options);
    if (entry) entries.push(entry);
  }
  return entries;
}
