import type { Database } from 'better-sqlite3';

export type ApprovalStatus = 'pending' | 'approved' | 'denied' | 'expired' | 'executed';

/** One pending or resolved approval, bound to who asked, where, and the exact arguments. */
export interface ApprovalRecord {
  id: string;
  personId: number;
  channel: string;
  externalId: string;
  tool: string;
  /** Canonical JSON of the exact (resolved) arguments. */
  inputJson: string;
  /** sha256 of inputJson. */
  inputHash: string;
  description: string;
  confirmTarget: string;
  confirmPhrase: string;
  status: ApprovalStatus;
  createdAt: Date;
  expiresAt: Date;
  resolvedAt: Date | null;
  /** "telegram:123" of whoever resolved it. */
  resolvedBy: string | null;
}

export interface ApprovalFilter {
  status?: ApprovalStatus;
  personId?: number;
  limit?: number;
}

export interface ApprovalStore {
  insert(record: Omit<ApprovalRecord, 'status' | 'resolvedAt' | 'resolvedBy'>): ApprovalRecord;
  get(id: string): ApprovalRecord | undefined;
  /** Newest first. */
  list(filter?: ApprovalFilter): ApprovalRecord[];
  /** Compare-and-set: moves `id` from `from` to `to` only if it is still `from`; true when it did. */
  transition(options: { id: string; from: ApprovalStatus; to: ApprovalStatus; at: Date; by?: string }): boolean;
  /** Pending approvals whose expiry is at or before `now`. */
  stale(now: Date): ApprovalRecord[];
}

interface ApprovalRow {
  id: string;
  person_id: number;
  channel: string;
  external_id: string;
  tool: string;
  input_json: string;
  input_hash: string;
  description: string;
  confirm_target: string;
  confirm_phrase: string;
  status: ApprovalStatus;
  created_at: number;
  expires_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
}

function toRecord(row: ApprovalRow): ApprovalRecord {
  return {
    id: row.id,
    personId: row.person_id,
    channel: row.channel,
    externalId: row.external_id,
    tool: row.tool,
    inputJson: row.input_json,
    inputHash: row.input_hash,
    description: row.description,
    confirmTarget: row.confirm_target,
    confirmPhrase: row.confirm_phrase,
    status: row.status,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at),
    resolvedBy: row.resolved_by,
  };
}

export function createApprovalStore(database: Database): ApprovalStore {
  const insert = database.prepare(
    `INSERT INTO approvals (id, person_id, channel, external_id, tool, input_json, input_hash, description, confirm_target,
       confirm_phrase, status, created_at, expires_at)
     VALUES (@id, @personId, @channel, @externalId, @tool, @inputJson, @inputHash, @description, @confirmTarget,
       @confirmPhrase, 'pending', @createdAt, @expiresAt)`,
  );
  const select = database.prepare<[string], ApprovalRow>('SELECT * FROM approvals WHERE id = ?');
  const selectFiltered = database.prepare<
    [string | null, string | null, number | null, number | null, number],
    ApprovalRow
  >(
    `SELECT * FROM approvals WHERE (? IS NULL OR status = ?) AND (? IS NULL OR person_id = ?)
     ORDER BY created_at DESC, rowid DESC LIMIT ?`,
  );
  const update = database.prepare<[string, number, string | null, string, string]>(
    'UPDATE approvals SET status = ?, resolved_at = ?, resolved_by = ? WHERE id = ? AND status = ?',
  );
  const selectStale = database.prepare<[number], ApprovalRow>(
    "SELECT * FROM approvals WHERE status = 'pending' AND expires_at <= ? ORDER BY created_at",
  );

  return {
    insert(record) {
      insert.run({ ...record, createdAt: record.createdAt.getTime(), expiresAt: record.expiresAt.getTime() });
      return { ...record, status: 'pending', resolvedAt: null, resolvedBy: null };
    },
    get(id) {
      const row = select.get(id);
      return row ? toRecord(row) : undefined;
    },
    list(filter = {}) {
      const status = filter.status ?? null;
      const personId = filter.personId ?? null;
      return selectFiltered.all(status, status, personId, personId, filter.limit ?? 100).map(toRecord);
    },
    transition({ id, from, to, at, by }) {
      return update.run(to, at.getTime(), by ?? null, id, from).changes === 1;
    },
    stale: (now) => selectStale.all(now.getTime()).map(toRecord),
  };
}
