/**
 * Alert state in SQLite: one row per fingerprint (source/rule/target/host) with its lifecycle
 * (pending -> firing -> acknowledged -> resolved), the notification bookkeeping that makes a restart
 * (even kill -9) announce nothing twice, silences, and the event history the daily report reads.
 * The alert engine (src/alerts/engine.ts) is the only writer of alert state; people ack and silence.
 */
import type { Database } from 'better-sqlite3';
import type { AlertSeverity, SuggestedAction } from '../toolkit/check.js';
import { createAlertRows } from './alert-rows.js';
import { createSilenceStore } from './alert-silences.js';

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
  /** The sentence said when it resolves ("nextcloud is healthy again"), from the latest observation. */
  recovery: string;
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
  /** While firing: since when the check has seen the condition clear (keepFiringFor counts from here); else null. */
  clearSince: Date | null;
  /** Notices sent about it while firing (the first and each repeat). */
  notifications: number;
  /** The severity of its last firing notice: when it rises (warning -> critical) it is announced again. */
  announcedSeverity: AlertSeverity | null;
  lastNotifiedAt: Date | null;
  /** It was announced and has resolved, and its recovery notice is neither sent nor skipped (silenced) yet. */
  recoveryOwed: boolean;
  /** Whether the recovery notice was sent (only for an alert that was announced). */
  recoveryNotified: boolean;
  /** The approval offered for its action, while it may still be answered. */
  approvalId: string | null;
  /** Who acknowledged it ("cli", "telegram:42"); null unless acknowledged. */
  acknowledgedBy: string | null;
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
  /** At most two alerts whose id starts with it: two means the prefix is ambiguous (people type more of it). */
  matching(idOrPrefix: string): AlertRecord[];
  /** Firing -> acknowledged: no more repeats until it resolves. Undefined when there is no such firing alert. */
  acknowledge(idOrPrefix: string, by: string): AlertRecord | undefined;
  /** Oldest first. */
  events(since: Date): AlertEvent[];
  /** Throws when it names no rule, target or host (that would silence everything) or ends before it starts. */
  addSilence(silence: Omit<Silence, 'id' | 'startsAt'> & { startsAt?: Date }): Silence;
  /** Active silences (not yet ended), or all when `all`; newest first. */
  silences(options?: { all?: boolean }): Silence[];
  /** Ends a silence now; false when there is no such active silence. */
  endSilence(idOrPrefix: string): boolean;
}

/** A group of alerts (one rule on one host) and when it was last notified: group_interval counts from here. */
export interface AlertGroupRecord {
  rule: string;
  host: string;
  lastNotifiedAt: Date;
}

/** Alertmanager's timing, in milliseconds (config.alerts). */
export interface NoticeTiming {
  groupWait: number;
  groupInterval: number;
  repeatInterval: number;
  maxRepeats: number;
}

/** What the alert engine needs beyond the people-facing API; nothing else writes alert state. */
export interface AlertEngineStore extends AlertStore {
  /**
   * Runs `work` in one IMMEDIATE transaction: the engine reads, decides and writes while holding the write
   * lock, so an `alerts ack` from the CLI in another process is never overwritten.
   */
  transaction<T>(work: () => T): T;
  byFingerprint(fingerprint: string): AlertRecord | undefined;
  /** The id for a new alert: the fingerprint's first 8 hex digits, longer only when another alert has those. */
  newId(fingerprint: string): string;
  /**
   * The open alerts (and those owed a recovery notice) of every group that may be due a notice at `now`:
   * a quick filter in SQL with the same timing rules as src/alerts/notice-plan.ts, which decides. Most
   * ticks find nothing here and cost one query.
   */
  dueGroups(now: Date, timing: NoticeTiming): AlertRecord[];
  /** The rule/host pairs where an alert of one of `rules` fires (or is acknowledged): inhibition sources. */
  firingOn(rules: readonly string[]): Array<{ rule: string; host: string }>;
  /** The pending, firing and acknowledged alerts one source (a check) reported. */
  openFrom(source: string): AlertRecord[];
  /** Inserts or replaces the row of record.fingerprint. */
  save(record: AlertRecord): void;
  /** Deletes an alert that was pending and never fired (it leaves no trace). */
  forget(fingerprint: string): void;
  addEvent(event: AlertEvent): void;
  group(rule: string, host: string): AlertGroupRecord | undefined;
  saveGroup(group: AlertGroupRecord): void;
  /** Silences active at `at`. */
  silencesAt(at: Date): Silence[];
}

export function createAlertStore(database: Database, clock: () => Date): AlertEngineStore {
  const rows = createAlertRows(database);
  const silences = createSilenceStore(database, clock);
  const acknowledge = database.transaction((idOrPrefix: string, by: string) => {
    const alert = rows.find(idOrPrefix);
    if (alert?.state !== 'firing') return undefined;
    const acknowledged: AlertRecord = { ...alert, state: 'acknowledged', acknowledgedBy: by };
    rows.save(acknowledged);
    rows.addEvent({ ...eventOf(acknowledged, 'acknowledged', clock()), summary: `acknowledged by ${by}` });
    return acknowledged;
  });
  return {
    list: rows.list,
    find: rows.find,
    matching: rows.matching,
    acknowledge: (idOrPrefix, by) => acknowledge.immediate(idOrPrefix, by),
    events: rows.events,
    addSilence: silences.add,
    silences: silences.list,
    endSilence: silences.end,
    transaction: (work) => database.transaction(work).immediate(),
    byFingerprint: rows.byFingerprint,
    newId: rows.newId,
    dueGroups: rows.dueGroups,
    firingOn: rows.firingOn,
    openFrom: rows.openFrom,
    save: rows.save,
    forget: rows.forget,
    addEvent: rows.addEvent,
    group: rows.group,
    saveGroup: rows.saveGroup,
    silencesAt: silences.activeAt,
  };
}

/** The event for `alert` at `at`, with its summary (the caller may replace it). */
export function eventOf(alert: AlertRecord, kind: AlertEvent['kind'], at: Date): AlertEvent {
  return {
    at,
    alertId: alert.id,
    rule: alert.rule,
    target: alert.target,
    host: alert.host,
    kind,
    summary: alert.summary,
  };
}
