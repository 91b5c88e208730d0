/**
 * Summaries, recovery sentences and targets come from data a check read (container names, command
 * output): untrusted. Before they are stored or said they become one plain line: no terminal controls,
 * no chat-template tokens, no secrets, no line breaks that could fake a second message, and a bounded
 * length. Nothing in them is ever read as a command.
 */
import { stripChatTemplateTokens } from '../toolkit/data-markers.js';
import { redactSecrets } from '../toolkit/redact.js';
import { neutraliseControls } from '../toolkit/terminal-safe.js';

/** Checks report the same sentences run after run: recent results are kept (a storm stays cheap). */
const recent = new Map<string, string>();
const recentLimit = 4096;

/** The same text as one line of at most `max` characters, cut at a word; trailing full stops are dropped. */
export function plainText(text: string, max: number): string {
  const key = `${max}\u0000${text}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  if (recent.size >= recentLimit) recent.clear();
  const plain = toPlainText(text, max);
  recent.set(key, plain);
  return plain;
}

function toPlainText(text: string, max: number): string {
  const line = redactSecrets(stripChatTemplateTokens(neutraliseControls(text)))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '');
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
