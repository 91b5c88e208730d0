/**
 * The alerts, alert_groups and alert_events tables: rows to records and back, with prepared statements
 * (the engine writes on every observation, so nothing here is parsed twice).
 */
import type { Database } from 'better-sqlite3';
import type { AlertSeverity } from '../toolkit/check.js';
import type { AlertEvent, AlertGroupRecord, AlertRecord, AlertState, NoticeTiming } from './alerts.js';
import { hexPrefix, likePrefix, onlyMatch } from './short-id.js';

interface AlertRow {
  id: string;
  fingerprint: string;
  source: string;
  rule: string;
  target: string;
  host: string;
  severity: AlertSeverity;
  state: AlertState;
  summary: string;
  recovery: string;
  value: number | null;
  action_json: string | null;
  active_since: number;
  fired_at: number | null;
  resolved_at: number | null;
  last_firing_at: number;
  clear_since: number | null;
  notifications: number;
  announced_severity: AlertSeverity | null;
  last_notified_at: number | null;
  recovery_owed: number;
  recovery_notified: number;
  approval_id: string | null;
  acknowledged_by: string | null;
}

type DueParameters = [NoticeTiming & { now: number }];

interface EventRow {
  at: number;
  alert_id: string;
  rule: string;
  target: string;
  host: string;
  kind: AlertEvent['kind'];
  summary: string;
}

const time = (value: number | null) => (value === null ? null : new Date(value));
const millis = (value: Date | null) => (value === null ? null : value.getTime());

function toRecord(row: AlertRow): AlertRecord {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    source: row.source,
    rule: row.rule,
    target: row.target,
    host: row.host,
    severity: row.severity,
    state: row.state,
    summary: row.summary,
    recovery: row.recovery,
    value: row.value,
    action: row.action_json === null ? null : JSON.parse(row.action_json),
    activeSince: new Date(row.active_since),
    firedAt: time(row.fired_at),
    resolvedAt: time(row.resolved_at),
    lastFiringAt: new Date(row.last_firing_at),
    clearSince: time(row.clear_since),
    notifications: row.notifications,
    announcedSeverity: row.announced_severity,
    lastNotifiedAt: time(row.last_notified_at),
    recoveryOwed: row.recovery_owed === 1,
    recoveryNotified: row.recovery_notified === 1,
    approvalId: row.approval_id,
    acknowledgedBy: row.acknowledged_by,
  };
}

function toRow(record: AlertRecord): AlertRow {
  return {
    id: record.id,
    fingerprint: record.fingerprint,
    source: record.source,
    rule: record.rule,
    target: record.target,
    host: record.host,
    severity: record.severity,
    state: record.state,
    summary: record.summary,
    recovery: record.recovery,
    value: record.value,
    action_json: record.action === null ? null : JSON.stringify(record.action),
    active_since: record.activeSince.getTime(),
    fired_at: millis(record.firedAt),
    resolved_at: millis(record.resolvedAt),
    last_firing_at: record.lastFiringAt.getTime(),
    clear_since: millis(record.clearSince),
    notifications: record.notifications,
    announced_severity: record.announcedSeverity,
    last_notified_at: millis(record.lastNotifiedAt),
    recovery_owed: record.recoveryOwed ? 1 : 0,
    recovery_notified: record.recoveryNotified ? 1 : 0,
    approval_id: record.approvalId,
    acknowledged_by: record.acknowledgedBy,
  };
}

const openStates: readonly AlertState[] = ['pending', 'firing', 'acknowledged'];

/** Fixed for a fingerprint: left out of updates, so their indexes are not rewritten on every observation. */
const identityColumns = new Set<keyof AlertRow>(['id', 'fingerprint', 'source', 'rule', 'target', 'host']);

const columns: ReadonlyArray<keyof AlertRow> = [
  'id',
  'fingerprint',
  'source',
  'rule',
  'target',
  'host',
  'severity',
  'state',
  'summary',
  'recovery',
  'value',
  'action_json',
  'active_since',
  'fired_at',
  'resolved_at',
  'last_firing_at',
  'clear_since',
  'notifications',
  'announced_severity',
  'last_notified_at',
  'recovery_owed',
  'recovery_notified',
  'approval_id',
  'acknowledged_by',
];

export function createAlertRows(database: Database) {
  const insert = database.prepare<[AlertRow]>(
    `INSERT INTO alerts (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
  );
  const update = database.prepare<[AlertRow]>(
    `UPDATE alerts SET ${columns
      .filter((column) => !identityColumns.has(column))
      .map((column) => `${column} = @${column}`)
      .join(', ')} WHERE fingerprint = @fingerprint`,
  );
  const byFingerprint = database.prepare<[string], AlertRow>('SELECT * FROM alerts WHERE fingerprint = ?');
  const byPrefix = database.prepare<[string], AlertRow>('SELECT * FROM alerts WHERE id LIKE ? LIMIT 2');
  const byId = database.prepare<[string], { fingerprint: string }>('SELECT fingerprint FROM alerts WHERE id = ?');
  const rank = (column: string) => `(CASE ${column} WHEN 'critical' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END)`;
  const dueGroups = database.prepare<DueParameters, AlertRow>(
    `SELECT * FROM alerts
     WHERE (state != 'resolved' OR recovery_owed = 1)
       AND (rule, host) IN (
         SELECT alert.rule, alert.host FROM alerts AS alert
         LEFT JOIN alert_groups AS grouped ON grouped.rule = alert.rule AND grouped.host = alert.host
         WHERE (grouped.last_notified_at IS NULL OR grouped.last_notified_at <= @now - @groupInterval)
           AND ((alert.state = 'firing' AND alert.clear_since IS NULL AND alert.notifications = 0
                 AND alert.fired_at <= @now - @groupWait)
             OR (alert.state = 'firing' AND alert.clear_since IS NULL AND alert.notifications BETWEEN 1 AND @maxRepeats
                 AND alert.last_notified_at <= @now - @repeatInterval)
             OR (alert.state = 'firing' AND alert.clear_since IS NULL AND alert.notifications >= 1
                 AND ${rank('alert.severity')} > ${rank('alert.announced_severity')})
             OR (alert.state = 'resolved' AND alert.recovery_owed = 1 AND alert.resolved_at <= @now - @groupWait)))
     ORDER BY active_since, rowid`,
  );
  const firingOn = database.prepare<[string], { rule: string; host: string }>(
    `SELECT DISTINCT rule, host FROM alerts
     WHERE state IN ('firing', 'acknowledged') AND rule IN (SELECT value FROM json_each(?))`,
  );
  const openFrom = database.prepare<[string], AlertRow>(
    "SELECT * FROM alerts WHERE source = ? AND state != 'resolved' ORDER BY active_since, rowid",
  );
  const inStates = database.prepare<[string, number], AlertRow>(
    'SELECT * FROM alerts WHERE state IN (SELECT value FROM json_each(?)) ORDER BY active_since DESC, rowid DESC LIMIT ?',
  );
  const remove = database.prepare<[string]>('DELETE FROM alerts WHERE fingerprint = ?');
  const insertEvent = database.prepare(
    'INSERT INTO alert_events (at, alert_id, rule, target, host, kind, summary) VALUES (@at, @alertId, @rule, @target, @host, @kind, @summary)',
  );
  const eventsSince = database.prepare<[number], EventRow>('SELECT * FROM alert_events WHERE at >= ? ORDER BY id');
  const selectGroup = database.prepare<[string, string], { last_notified_at: number }>(
    'SELECT last_notified_at FROM alert_groups WHERE rule = ? AND host = ?',
  );
  const upsertGroup = database.prepare<[string, string, number]>(
    `INSERT INTO alert_groups (rule, host, last_notified_at) VALUES (?, ?, ?)
     ON CONFLICT (rule, host) DO UPDATE SET last_notified_at = excluded.last_notified_at`,
  );

  return {
    list(filter: { states?: readonly AlertState[]; limit?: number } = {}): AlertRecord[] {
      return inStates.all(JSON.stringify(filter.states ?? openStates), filter.limit ?? 100).map(toRecord);
    },
    find(idOrPrefix: string): AlertRecord | undefined {
      const prefix = hexPrefix(idOrPrefix);
      const row = prefix === undefined ? undefined : onlyMatch(byPrefix.all(likePrefix(prefix)));
      return row && toRecord(row);
    },
    matching(idOrPrefix: string): AlertRecord[] {
      const prefix = hexPrefix(idOrPrefix);
      return prefix === undefined ? [] : byPrefix.all(likePrefix(prefix)).map(toRecord);
    },
    byFingerprint(fingerprint: string): AlertRecord | undefined {
      const row = byFingerprint.get(fingerprint);
      return row && toRecord(row);
    },
    newId(fingerprint: string): string {
      for (let length = 8; length < fingerprint.length; length += 2) {
        const owner = byId.get(fingerprint.slice(0, length))?.fingerprint;
        if (owner === undefined || owner === fingerprint) return fingerprint.slice(0, length);
      }
      return fingerprint;
    },
    dueGroups: (now: Date, timing: NoticeTiming): AlertRecord[] =>
      dueGroups.all({ ...timing, now: now.getTime() }).map(toRecord),
    firingOn: (rules: readonly string[]) => (rules.length === 0 ? [] : firingOn.all(JSON.stringify(rules))),
    openFrom: (source: string): AlertRecord[] => openFrom.all(source).map(toRecord),
    save(record: AlertRecord): void {
      const row = toRow(record);
      if (update.run(row).changes === 0) insert.run(row);
    },
    forget: (fingerprint: string) => void remove.run(fingerprint),
    addEvent: (event: AlertEvent) => void insertEvent.run({ ...event, at: event.at.getTime() }),
    events(since: Date): AlertEvent[] {
      return eventsSince.all(since.getTime()).map((row) => ({
        at: new Date(row.at),
        alertId: row.alert_id,
        rule: row.rule,
        target: row.target,
        host: row.host,
        kind: row.kind,
        summary: row.summary,
      }));
    },
    group(rule: string, host: string): AlertGroupRecord | undefined {
      const row = selectGroup.get(rule, host);
      return row && { rule, host, lastNotifiedAt: new Date(row.last_notified_at) };
    },
    saveGroup: (group: AlertGroupRecord) =>
      void upsertGroup.run(group.rule, group.host, group.lastNotifiedAt.getTime()),
  };
}
