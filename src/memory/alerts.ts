/**
 * Alert state in SQLite: one row per fingerprint (source/rule/target/host) with its lifecycle
 * (pending -> firing -> acknowledged -> resolved), the notification bookkeeping that makes a restart
 * (even kill -9) announce nothing twice, silences, and the event history the daily report reads.
 * The alert engine (src/alerts/engine.ts) is the only writer of alert state; people ack and silence.
 */
import type { AlertSeverity, SuggestedAction } from '../toolkit/check.js';

/** Where an alert is in its life. 'pending' waits out the rule's `for` duration and is never announced. */
export type AlertState = 'pending' | 'firing' | 'acknowledged' | 'resolved';

/** An alert as the store keeps it (one row per fingerprint). */
export interface AlertRecord {
  /** Short stable id people type: `sysvox alerts ack 3f2a91`. */
  id: string;
  /** source/rule/target/host, hashed: the same subject is always the same alert. */
  fingerprint: string;
  source: string;
  rule: string;
  target: string;
  host: string;
  severity: AlertSeverity;
  state: AlertState;
  summary: string;
  value: number | null;
  action: SuggestedAction | null;
  /** When the condition began to hold (the start of `for`). */
  activeSince: Date;
  /** When it went from pending to firing; null while pending. */
  firedAt: Date | null;
  /** When it resolved; null while it has not. */
  resolvedAt: Date | null;
  /** The last time the check saw the condition hold. */
  lastFiringAt: Date;
  /** Notices sent about it while firing (the first and each repeat). */
  notifications: number;
  lastNotifiedAt: Date | null;
  /** Whether the recovery notice was sent (only for an alert that was announced). */
  recoveryNotified: boolean;
  /** The approval offered for its action, while it may still be answered. */
  approvalId: string | null;
}

/** A silence: alerts matching every field it names (rule, target, host) are not announced until it ends. */
export interface Silence {
  id: string;
  rule: string | null;
  target: string | null;
  host: string | null;
  createdBy: string;
  comment: string;
  startsAt: Date;
  endsAt: Date;
}

/** One change in an alert's life, kept for the daily report and `sysvox alerts history`. */
export interface AlertEvent {
  at: Date;
  alertId: string;
  rule: string;
  target: string;
  host: string;
  kind: 'fired' | 'resolved' | 'acknowledged' | 'notified' | 'recovery-notified';
  summary: string;
}

/** The alert tables in SQLite; the engine is the only writer of alert state, people ack and silence. */
export interface AlertStore {
  /** Newest first; by default the alerts that are pending, firing or acknowledged. */
  list(filter?: { states?: readonly AlertState[]; limit?: number }): AlertRecord[];
  /** By id, or by a unique prefix of it (people type the first few characters). */
  find(idOrPrefix: string): AlertRecord | undefined;
  /** Firing -> acknowledged: no more repeats until it resolves. Undefined when there is no such firing alert. */
  acknowledge(idOrPrefix: string, by: string): AlertRecord | undefined;
  events(since: Date): AlertEvent[];
  addSilence(silence: Omit<Silence, 'id' | 'startsAt'> & { startsAt?: Date }): Silence;
  /** Active silences (not yet ended), or all when `all`. */
  silences(options?: { all?: boolean }): Silence[];
  /** Ends a silence now; false when there is no such active silence. */
  endSilence(idOrPrefix: string): boolean;
}
