/**
 * The alert_silences table: a silence names a rule, a target and/or a host, and mutes the alerts that
 * match every field it names from startsAt until endsAt. Ending one early moves its end to now, so the
 * history keeps it.
 */
import type { Database } from 'better-sqlite3';
import type { Silence } from './alerts.js';
import { hexPrefix, likePrefix, onlyMatch, randomHexId } from './short-id.js';

interface SilenceRow {
  id: string;
  rule: string | null;
  target: string | null;
  host: string | null;
  created_by: string;
  comment: string;
  starts_at: number;
  ends_at: number;
}

function toSilence(row: SilenceRow): Silence {
  return {
    id: row.id,
    rule: row.rule,
    target: row.target,
    host: row.host,
    createdBy: row.created_by,
    comment: row.comment,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
  };
}

/** A field a silence names, or null: blank means "any". */
const field = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export function createSilenceStore(database: Database, clock: () => Date) {
  const insert = database.prepare(
    `INSERT INTO alert_silences (id, rule, target, host, created_by, comment, starts_at, ends_at)
     VALUES (@id, @rule, @target, @host, @createdBy, @comment, @startsAt, @endsAt)`,
  );
  const exists = database.prepare<[string], { id: string }>('SELECT id FROM alert_silences WHERE id = ?');
  const all = database.prepare<[], SilenceRow>('SELECT * FROM alert_silences ORDER BY starts_at DESC, rowid DESC');
  const notEnded = database.prepare<[number], SilenceRow>(
    'SELECT * FROM alert_silences WHERE ends_at > ? ORDER BY starts_at DESC, rowid DESC',
  );
  const activeAt = database.prepare<[number, number], SilenceRow>(
    'SELECT * FROM alert_silences WHERE starts_at <= ? AND ends_at > ? ORDER BY starts_at DESC, rowid DESC',
  );
  const notEndedByPrefix = database.prepare<[string, number], SilenceRow>(
    'SELECT * FROM alert_silences WHERE id LIKE ? AND ends_at > ? LIMIT 2',
  );
  const endAt = database.prepare<[number, number, string]>(
    'UPDATE alert_silences SET ends_at = ?, starts_at = MIN(starts_at, ?) WHERE id = ?',
  );

  const newId = () => {
    for (;;) {
      const id = randomHexId();
      if (!exists.get(id)) return id;
    }
  };

  return {
    add(request: Omit<Silence, 'id' | 'startsAt'> & { startsAt?: Date }): Silence {
      const silence: Silence = {
        id: newId(),
        rule: field(request.rule),
        target: field(request.target),
        host: field(request.host),
        createdBy: request.createdBy,
        comment: request.comment,
        startsAt: request.startsAt ?? clock(),
        endsAt: request.endsAt,
      };
      if (silence.rule === null && silence.target === null && silence.host === null)
        throw new Error('a silence must name a rule, a target or a host; it would silence every alert otherwise');
      if (!(silence.endsAt.getTime() > silence.startsAt.getTime()))
        throw new Error('a silence must end after it starts; give it a duration like 2h');
      insert.run({ ...silence, startsAt: silence.startsAt.getTime(), endsAt: silence.endsAt.getTime() });
      return silence;
    },
    list(options: { all?: boolean } = {}): Silence[] {
      return (options.all ? all.all() : notEnded.all(clock().getTime())).map(toSilence);
    },
    activeAt: (at: Date): Silence[] => activeAt.all(at.getTime(), at.getTime()).map(toSilence),
    end(idOrPrefix: string): boolean {
      const prefix = hexPrefix(idOrPrefix);
      const now = clock().getTime();
      const silence = prefix === undefined ? undefined : onlyMatch(notEndedByPrefix.all(likePrefix(prefix), now));
      if (!silence) return false;
      endAt.run(now, now, silence.id);
      return true;
    },
  };
}
