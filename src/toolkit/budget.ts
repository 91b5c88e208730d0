/**
 * Cuts tool output to a character budget, on a line boundary where one is close, and says so, so the
 * model (and a person) knows the output was cut rather than complete.
 */
export function fitToBudget(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const budget = Math.max(0, maxChars - cutNote(text.length, text.length).length);
  let shown = text.slice(0, budget);
  const lastNewline = shown.lastIndexOf('\n');
  if (lastNewline >= budget / 2) shown = shown.slice(0, lastNewline);
  return shown + cutNote(shown.length, text.length);
}

/** "\n[output cut: showing 3,812 of 19,220 characters]" */
function cutNote(shown: number, total: number): string {
  const format = (value: number) => value.toLocaleString('en-US');
  return `\n[output cut: showing ${format(shown)} of ${format(total)} characters]`;
}
