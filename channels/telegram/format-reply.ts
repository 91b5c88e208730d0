/**
 * Telegram-safe text: HTML parse mode with every user- or tool-provided character escaped, and
 * messages split under Telegram's 4096-character limit on line boundaries.
 */
import { neutraliseControls } from '../../src/toolkit/terminal-safe.js';
export const telegramMessageLimit = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Splits plain text into pieces of at most `limit` characters, preferring line boundaries;
 * a single line longer than the limit is cut hard. Empty text gives no pieces.
 */
export function splitMessage(text: string, limit = telegramMessageLimit): string[] {
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
      pieces.push(current.slice(0, limit));
      current = current.slice(limit);
    }
  }
  if (current.trim() !== '') pieces.push(current);
  return pieces;
}

/** Plain text to HTML-mode message bodies, each within the limit once Telegram parses them. */
export function formatReply(text: string): string[] {
  return splitMessage(neutraliseControls(text)).map(escapeHtml);
}
