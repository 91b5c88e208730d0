import type { Database } from 'better-sqlite3';

/**
 * Versioned schema: an ordered list of SQL steps. Step N brings the database to user_version N+1.
 * Never edit a shipped step; append a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    display_name TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE identities (
    channel TEXT NOT NULL,
    external_id TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (channel, external_id)
  );
  CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    key TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (channel, key)
  );
  CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'tool')),
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX messages_by_conversation ON messages (conversation_id, id);
  CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE approvals (
    id TEXT PRIMARY KEY,
    person_id INTEGER NOT NULL,
    channel TEXT NOT NULL,
    external_id TEXT NOT NULL,
    tool TEXT NOT NULL,
    input_json TEXT NOT NULL,
    input_hash TEXT NOT NULL,
    description TEXT NOT NULL,
    confirm_target TEXT NOT NULL,
    confirm_phrase TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'expired', 'executed')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by TEXT
  );
  CREATE INDEX approvals_by_person ON approvals (person_id, status, created_at);
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    person_id INTEGER,
    channel TEXT,
    tool TEXT,
    detail TEXT NOT NULL,
    outcome TEXT NOT NULL
  );
  CREATE INDEX audit_by_time ON audit (at);
  CREATE TABLE timings (
    id INTEGER PRIMARY KEY,
    turn_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    stage TEXT NOT NULL,
    ms REAL NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX timings_by_turn ON timings (turn_id);
  CREATE TABLE kv (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  `,
  // The host a tool call was about ('local' for this machine); null on rows about no call.
  `
  ALTER TABLE audit ADD COLUMN host TEXT;
  `,
  // Alerts (src/memory/alerts.ts): one row per fingerprint, each group's last notice, silences, the history.
  `
  CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    rule TEXT NOT NULL,
    target TEXT NOT NULL,
    host TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    state TEXT NOT NULL CHECK (state IN ('pending', 'firing', 'acknowledged', 'resolved')),
    summary TEXT NOT NULL,
    recovery TEXT NOT NULL,
    value REAL,
    action_json TEXT,
    active_since INTEGER NOT NULL,
    fired_at INTEGER,
    resolved_at INTEGER,
    last_firing_at INTEGER NOT NULL,
    clear_since INTEGER,
    notifications INTEGER NOT NULL DEFAULT 0,
    last_notified_at INTEGER,
    recovery_owed INTEGER NOT NULL DEFAULT 0,
    recovery_notified INTEGER NOT NULL DEFAULT 0,
    approval_id TEXT,
    acknowledged_by TEXT
  );
  CREATE INDEX alerts_live ON alerts (state, recovery_owed);
  CREATE INDEX alerts_by_source ON alerts (source, state);
  CREATE TABLE alert_groups (
    rule TEXT NOT NULL,
    host TEXT NOT NULL,
    last_notified_at INTEGER NOT NULL,
    PRIMARY KEY (rule, host)
  );
  CREATE TABLE alert_silences (
    id TEXT PRIMARY KEY,
    rule TEXT,
    target TEXT,
    host TEXT,
    created_by TEXT NOT NULL,
    comment TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL
  );
  CREATE INDEX alert_silences_by_end ON alert_silences (ends_at);
  CREATE TABLE alert_events (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    alert_id TEXT NOT NULL,
    rule TEXT NOT NULL,
    target TEXT NOT NULL,
    host TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('fired', 'resolved', 'acknowledged', 'notified', 'recovery-notified')),
    summary TEXT NOT NULL
  );
  CREATE INDEX alert_events_by_time ON alert_events (at);
  `,
  // The severity an alert was last announced with: a warning that turns critical is announced again.
  `
  ALTER TABLE alerts ADD COLUMN announced_severity TEXT;
  `,
];

/** Applies every step above the database's user_version, each in its own transaction. */
export function migrate(database: Database, steps: readonly string[] = migrations): { from: number; to: number } {
  const from = database.pragma('user_version', { simple: true }) as number;
  for (let version = from; version < steps.length; version++) {
    const step = steps[version] as string;
    database.transaction(() => {
      database.exec(step);
      database.pragma(`user_version = ${version + 1}`);
    })();
  }
  return { from, to: Math.max(from, steps.length) };
}
