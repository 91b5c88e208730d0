import type { ApprovalView, ChannelName } from '../types.js';

/** Who asked for a tool call: the person in memory and how they reached us. */
export interface Caller {
  personId: number;
  channel: ChannelName;
  externalId: string;
  /** Voice turns need an exact spoken confirmation naming the target. */
  modality: 'text' | 'voice';
}

export interface InvokeRequest {
  tool: string;
  input: unknown;
  caller: Caller;
  /** 'system': sysvox itself asked (an alert offering a restart), see system-caller.ts. */
  source: 'router' | 'brain' | 'system';
  /** Why the call was made, for the audit ("plex has been unhealthy for 5 minutes"). */
  reason?: string;
  signal?: AbortSignal;
}

/** The result of asking the policy-enforcing runner to call a tool. */
export type InvokeOutcome =
  /** output: redacted and cut to budget, ready for the model; data: the tool's typed result, redacted. */
  | { status: 'ok'; tool: string; output: string; data: unknown }
  /** The tool failed; message is one sentence a person (and the model) can act on. */
  | { status: 'error'; tool: string; message: string }
  | { status: 'approval-required'; tool: string; approval: ApprovalView }
  /** Blocked, unknown, invalid arguments or rate-limited: nothing ran. */
  | { status: 'refused'; tool: string; message: string };

export interface ToolInvoker {
  invoke(request: InvokeRequest): Promise<InvokeOutcome>;
}
