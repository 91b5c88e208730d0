import type { Database } from 'better-sqlite3';
import { redactSecrets } from '../toolkit/redact.js';

export interface AuditEntry {
  /** What happened: 'tool-call', 'tool-refused', 'approval-created' ... (see src/policy/audit-kinds.ts). */
  kind: string;
  personId?: number;
  channel?: string;
  tool?: string;
  /** The host the tool call was about ('local' for this machine); absent on rows about no call. */
  host?: string;
  detail: string;
  /** 'ok', 'error', 'refused', 'pending', 'approved', 'denied', 'expired', 'not-allowed' ... */
  outcome: string;
}

export interface AuditRecord extends Required<Pick<AuditEntry, 'kind' | 'detail' | 'outcome'>> {
  id: number;
  at: Date;
  personId: number | null;
  channel: string | null;
  tool: string | null;
  host: string | null;
}

export interface AuditStore {
  record(entry: AuditEntry): void;
  /** The newest `limit` rows (optionally only those at or after `since`), oldest first. */
  list(options: { limit: number; since?: Date }): AuditRecord[];
}

interface AuditRow {
  id: number;
  at: number;
  kind: string;
  person_id: number | null;
  channel: string | null;
  tool: string | null;
  host: string | null;
  detail: string;
  outcome: string;
}

export function createAuditStore(database: Database, clock: () => Date): AuditStore {
  const insert = database.prepare(
    'INSERT INTO audit (at, kind, person_id, channel, tool, host, detail, outcome) VALUES (@at, @kind, @personId, @channel, @tool, @host, @detail, @outcome)',
  );
  const select = database.prepare<[number, number], AuditRow>(
    'SELECT * FROM audit WHERE at >= ? ORDER BY id DESC LIMIT ?',
  );
  return {
    record(entry) {
      insert.run({
        at: clock().getTime(),
        kind: entry.kind,
        personId: entry.personId ?? null,
        channel: entry.channel ?? null,
        tool: entry.tool ?? null,
        host: entry.host ?? null,
        detail: redactSecrets(entry.detail),
        outcome: entry.outcome,
      });
    },
    list({ limit, since }) {
      return select
        .all(since?.getTime() ?? 0, limit)
        .reverse()
        .map((row) => ({
          id: row.id,
          at: new Date(row.at),
          kind: row.kind,
          personId: row.person_id,
          channel: row.channel,
          tool: row.tool,
          host: row.host,
          detail: row.detail,
          outcome: row.outcome,
        }));
    },
  };
}
