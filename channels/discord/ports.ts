/**
 * What the Discord channel needs from the rest of sysvox, as small ports that src/app/wire-discord.ts
 * binds. The channel never calls a tool: it hands turns to the core and approvals to the resolver.
 */
import type { ApprovalView, ChannelName, PersonRef } from '../../src/types.js';

export type ApprovalStatus = 'executed' | 'denied' | 'expired' | 'not-allowed' | 'not-found' | 'already-resolved';

/** Resolves a pending approval through the core's one entry, core.resolveApproval. */
export interface ApprovalResolver {
  resolve(answer: {
    approvalId: string;
    decision: 'approve' | 'deny';
    person: PersonRef;
    channel: ChannelName;
  }): Promise<{ status: ApprovalStatus; text: string }>;
}

/** The approvals a person may decide (their own, or everyone's for an approver). */
export type PendingApprovals = (userId: string) => Promise<ApprovalView[]> | ApprovalView[];

/** Small persistent key-value store (SQLite's kv table in production). */
export interface KeyValueStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export interface AuditSink {
  record(entry: { kind: string; channel: string; detail: Record<string, unknown> }): void;
}

/** An in-memory KeyValueStore, for tests and a channel built without SQLite. */
export function createMemoryKeyValueStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
  };
}
