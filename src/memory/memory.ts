import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { ConfigError, describeError } from '../errors.js';
import { createAlertStore, type AlertEngineStore } from './alerts.js';
import { createApprovalStore, type ApprovalStore } from './approvals.js';
import { createAuditStore, type AuditStore } from './audit.js';
import { createConversationStore, type ConversationStore } from './conversations.js';
import { createFactStore, type FactStore } from './facts.js';
import { createKeyValueStore, type KeyValueStore } from './key-value.js';
import { migrate } from './migrations.js';
import { createPeopleStore, type PeopleStore } from './people.js';
import { createTimingStore, type TimingStore } from './timings.js';

/** Everything sysvox remembers, one small typed store per concept, over one SQLite file. */
export interface Memory {
  readonly path: string;
  /** The schema version after migrations. */
  readonly schemaVersion: number;
  readonly people: PeopleStore;
  readonly conversations: ConversationStore;
  readonly facts: FactStore;
  readonly approvals: ApprovalStore;
  readonly audit: AuditStore;
  readonly timings: TimingStore;
  readonly kv: KeyValueStore;
  /** Alert state, silences and history; the alert engine writes state, people ack and silence. */
  readonly alerts: AlertEngineStore;
  /** For tests and the doctor; stores above are the API. */
  readonly database: Database;
  close(): void;
}

export interface OpenMemoryOptions {
  /** The database file (usually `<dataDir>/sysvox.db`), or ':memory:'. */
  path: string;
  clock?: () => Date;
}

export function openMemory(options: OpenMemoryOptions): Memory {
  const clock = options.clock ?? (() => new Date());
  const database = openDatabase(options.path);
  try {
    const { to } = migrate(database);
    return {
      path: options.path,
      schemaVersion: to,
      people: createPeopleStore(database, clock),
      conversations: createConversationStore(database, clock),
      facts: createFactStore(database, clock),
      approvals: createApprovalStore(database),
      audit: createAuditStore(database, clock),
      timings: createTimingStore(database, clock),
      kv: createKeyValueStore(database, clock),
      alerts: createAlertStore(database, clock),
      database,
      close: () => database.close(),
    };
  } catch (error) {
    database.close();
    throw error;
  }
}

/** WAL, foreign keys, and up to 5 s of waiting on a lock held by another sysvox process (the CLI beside the service). */
function openDatabase(path: string): Database {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const database = new BetterSqlite3(path);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.pragma('synchronous = NORMAL');
    return database;
  } catch (error) {
    throw new ConfigError(
      `cannot open the database ${path}: ${describeError(error)}; check that the data dir is writable by this user, or set SYSVOX_DATA to another directory`,
      { cause: error },
    );
  }
}
