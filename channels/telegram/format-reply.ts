/**
 * Telegram-safe text: HTML parse mode with every user- or tool-provided character escaped, and
 * messages split under Telegram's 4096-character limit on line boundaries, and inside a longer line
 * at the end of a sentence or else between words.
 */
import { splitMessage as splitText } from '../../src/toolkit/split-message.js';
import { neutraliseControls } from '../../src/toolkit/terminal-safe.js';
export const telegramMessageLimit = 4096;

/** Splits plain text into pieces of at most `limit` characters (src/toolkit/split-message.ts). */
export function splitMessage(text: string, limit = telegramMessageLimit): string[] {
  return splitText(text, limit);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text to HTML-mode message bodies, each within the limit once Telegram parses them. */
export function formatReply(text: string): string[] {
  return splitMessage(neutraliseControls(text)).map(escapeHtml);
}
