/**
 * The turn API every channel uses: a channel turns its input into a Turn and renders the TurnEvents.
 */
import type { ChannelName, PersonRef, TurnEvent } from '../types.js';

export interface Turn {
  channel: ChannelName;
  person: PersonRef;
  text: string;
  /** The channel's key for the conversation (a chat id, 'mic', 'terminal'); history is kept per key. */
  conversation: string;
  /** How the text arrived; a spoken turn needs a spoken confirmation that names the target. */
  modality?: 'text' | 'voice';
  signal?: AbortSignal;
}

export interface Core {
  handle(turn: Turn): AsyncIterable<TurnEvent>;
}

/** Runs a turn to the end and returns the final text (CLI, tests, channels that do not stream). */
export async function collectReply(events: AsyncIterable<TurnEvent>): Promise<{ text: string; events: TurnEvent[] }> {
  const seen: TurnEvent[] = [];
  let text = '';
  for await (const event of events) {
    seen.push(event);
    if (event.type === 'done') text = event.text;
  }
  return { text, events: seen };
}
