/**
 * The turn API every channel uses: a channel turns its input into a Turn and renders the TurnEvents;
 * an answer to an approval (a button, `sysvox approvals approve`) is an ApprovalAnswer; work no person
 * started (an alert offering a restart) is an ActionRequest.
 */
import type { ApprovalResolution } from '../policy/approval-resolution.js';
import type { InvokeOutcome } from '../policy/outcome.js';
import type { ChannelName, NamedRequest, PersonRef, TurnEvent } from '../types.js';

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

/** Someone answering an approval, from any channel. */
export interface ApprovalAnswer {
  /** Without an id: the person's newest pending request (for an approver, else sysvox's own newest offer). */
  approvalId?: string;
  decision: 'approve' | 'deny';
  person: PersonRef;
  /** The channel the answer came from, as in Turn. */
  channel: ChannelName;
  /** A spoken answer must name the target ("yes, restart plex"); default 'text'. */
  modality?: 'text' | 'voice';
  spokenText?: string;
  /** What the answer itself names ("yes, restart plex"): only a request for that target and action is approved. */
  names?: NamedRequest;
}

/** A tool call sysvox itself asks for (an alert offering a restart): no person started it. */
export interface ActionRequest {
  tool: string;
  input: unknown;
  /** Why, for the audit: "plex has been unhealthy for 5 minutes". */
  reason: string;
  signal?: AbortSignal;
}

export interface Core {
  handle(turn: Turn): AsyncIterable<TurnEvent>;
  /**
   * The one way an approval is answered: buttons, the CLI, chat and voice "yes"/"no" all end here.
   * The resolution's message is one sentence a channel can show or speak.
   */
  resolveApproval(answer: ApprovalAnswer): Promise<ApprovalResolution>;
  /**
   * Runs a tool as sysvox itself, through the same policy: a safe tool runs; a confirm tool returns
   * 'approval-required' with the ApprovalView to offer in a notice, for approvers and the operator.
   */
  requestAction(request: ActionRequest): Promise<InvokeOutcome>;
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
