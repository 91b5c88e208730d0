/**
 * Output a check read from outside (a command's stdout and stderr) made inert before it goes into an alert's
 * summary, which is spoken, pushed and stored: terminal controls removed, chat-template tokens stripped,
 * secrets redacted, then the first line that says something, on one line and cut. It stays data: a summary
 * is never a prompt and never a command, and a command check never carries an action.
 */
import { speakable } from '../router/speech-format.js';
import { stripChatTemplateTokens } from '../toolkit/data-markers.js';
import { redactSecrets } from '../toolkit/redact.js';
import { controlMark, neutraliseControls } from '../toolkit/terminal-safe.js';

/**
 * The characters every chat-template token is built from. After the known tokens are stripped, the rest
 * become spaces, so no token can form again from what is left ("<|im<|x|>_start|>" is not "<|im_start|>").
 */
const tokenBrackets = /[<>[\]|\uFF5C]/g;

export function inertLine(text: string, maxLength = 100): string {
  const plain = stripChatTemplateTokens(neutraliseControls(text))
    .replaceAll(controlMark, ' ')
    .replace(tokenBrackets, ' ');
  const first = redactSecrets(plain)
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0);
  return first === undefined ? '' : speakable(first, maxLength);
}
