/**
 * The turn API every channel uses: a channel turns its input into a Turn and renders the TurnEvents.
 */
export type ChannelName = 'cli' | 'voice' | 'telegram' | 'discord' | 'alert' | (string & {});

/** Who is speaking, as the channel knows them. The core maps it to a person in memory. */
export interface PersonRef {
  channel: ChannelName;
  /** The channel's own id: a Telegram numeric user id, 'local' for the CLI, 'room' for the microphone. */
  externalId: string;
  displayName?: string;
}

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

export type AnswerSource = 'router' | 'brain' | 'approval' | 'policy' | 'error' | 'rate-limit';

export interface ApprovalView {
  id: string;
  tool: string;
  /** "restart container 'plex'" */
  description: string;
  expiresAt: Date;
  /** What a voice user must say to approve, e.g. "yes, restart plex". */
  confirmPhrase: string;
}

export type TurnEvent =
  | { type: 'text-delta'; text: string }
  | { type: 'sentence'; text: string }
  | { type: 'thinking'; stage: 'tool' | 'brain' }
  | { type: 'tool-call'; callId: string; tool: string; input: unknown; description: string }
  | { type: 'tool-result'; callId: string; tool: string; ok: boolean; output: string }
  | { type: 'approval-request'; approval: ApprovalView }
  | { type: 'done'; text: string; source: AnswerSource };

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
