/**
 * Text from outside (container logs, model replies, container and host names) may carry terminal control
 * sequences: a window-title change, a clipboard write (OSC 52), a clear screen, a cursor move that hides a
 * line, or a NUL. Before such text reaches a terminal, a log, a chat message or the model, every escape
 * sequence is removed and every other control character becomes a visible mark; line breaks and tabs stay.
 */

/** OSC / DCS / SOS / PM / APC strings (ESC ] ... BEL or ST), CSI sequences, and two-byte ESC sequences. */
const escapeSequences = [
  /\u001b[\]P^_X][\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g,
  /[\u009d\u0090\u009e\u009f\u0098][\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g,
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g,
  /\u001b[ -/]*[0-~]?/g,
];

/** C0 controls except tab and line feed, DEL, C1 controls, and the Unicode bidi overrides that reorder text. */
const otherControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The mark that stands where a control character was, so a reader sees that something was there. */
export const controlMark = '\uFFFD';

export function neutraliseControls(text: string): string {
  if (!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text)) return text;
  let safe = text.replace(/\r\n/g, '\n');
  for (const pattern of escapeSequences) safe = safe.replace(pattern, '');
  return safe.replace(otherControls, controlMark);
}

/** The same for every string inside a tool's result (objects and arrays are copied, other values kept). */
export function neutraliseDeep<T>(value: T): T {
  if (typeof value === 'string') return neutraliseControls(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => neutraliseDeep(item)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [neutraliseControls(key), neutraliseDeep(item)]),
  ) as T;
}
