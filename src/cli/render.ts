import { neutraliseControls } from '../toolkit/terminal-safe.js';
import type { TurnEvent } from '../types.js';

/**
 * Prints a turn to a terminal: the reply as it streams, tool calls dimmed when verbose, and the
 * commands that approve or deny a pending request.
 */
export async function printTurn(
  events: AsyncIterable<TurnEvent>,
  write: (text: string) => void,
  verbose = false,
): Promise<{ text: string; approvalIds: string[] }> {
  let text = '';
  const approvalIds: string[] = [];
  for await (const event of events) {
    if (event.type === 'tool-call' && verbose) write(`  [tool] ${neutraliseControls(event.description)}\n`);
    if (event.type === 'approval-request') approvalIds.push(event.approval.id);
    if (event.type === 'done') {
      text = event.text;
      write(`${neutraliseControls(event.text)}\n`);
    }
  }
  for (const id of approvalIds) {
    write(
      `  (approval ${id}: answer "yes" in sysvox chat, or run: sysvox approvals approve ${id} | sysvox approvals deny ${id})\n`,
    );
  }
  return { text, approvalIds };
}
