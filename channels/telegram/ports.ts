/**
 * What the Telegram channel needs from the rest of sysvox, as small ports that main.ts wires.
 * The channel never calls a tool: it hands turns to the core and approvals to the resolver.
 */
import type { ApprovalView, ChannelName, PersonRef } from '../../src/types.js';

export type ApprovalDecision = 'approve' | 'deny';

export type ApprovalStatus = 'executed' | 'denied' | 'expired' | 'not-allowed' | 'not-found' | 'already-resolved';

/**
 * Resolves a pending approval through the core's one entry (core.resolveApproval), where the policy
 * decides and runs the tool when approved. Typed for any channel: a chat's buttons all look alike.
 */
export interface ApprovalResolver {
  resolve(answer: {
    approvalId: string;
    decision: ApprovalDecision;
    person: PersonRef;
    channel: ChannelName;
  }): Promise<{ status: ApprovalStatus; text: string }>;
}

/** Lists the approvals a person may decide (their own, or everyone's for an approver). */
export type PendingApprovals = (externalId: string) => Promise<ApprovalView[]> | ApprovalView[];

/** Small persistent key-value store (SQLite's kv table in production). */
export interface KeyValueStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export interface AuditSink {
  record(entry: { kind: string; channel: string; detail: Record<string, unknown> | string }): void;
}

/** An in-memory KeyValueStore: the default for tests and for a channel started without SQLite. */
export function createMemoryKeyValueStore(initial: Record<string, string> = {}): KeyValueStore {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key),
    set: (key, value) => {
      values.set(key, value);
    },
  };
}
