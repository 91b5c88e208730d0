import type { Database } from 'better-sqlite3';

/** Stages: 'router', 'brain', 'stt', 'tts', 'wake-to-speech', 'first-audio' ... */
export interface TimingEntry {
  turnId: string;
  channel: string;
  stage: string;
  ms: number;
}

export interface TurnTimings {
  turnId: string;
  channel: string;
  at: Date;
  /** Milliseconds per stage. */
  stages: Record<string, number>;
}

export interface TimingStore {
  record(entry: TimingEntry): void;
  /** The newest `limit` turns, newest first, with their stages grouped. */
  recent(limit: number): TurnTimings[];
}

interface TimingRow {
  turn_id: string;
  channel: string;
  stage: string;
  ms: number;
  at: number;
}

export function createTimingStore(database: Database, clock: () => Date): TimingStore {
  const insert = database.prepare<[string, string, string, number, number]>(
    'INSERT INTO timings (turn_id, channel, stage, ms, at) VALUES (?, ?, ?, ?, ?)',
  );
  const select = database.prepare<[number], TimingRow>(
    `SELECT turn_id, channel, stage, ms, at FROM timings
     WHERE turn_id IN (SELECT turn_id FROM timings GROUP BY turn_id ORDER BY MAX(id) DESC LIMIT ?)
     ORDER BY id`,
  );
  return {
    record(entry) {
      insert.run(entry.turnId, entry.channel, entry.stage, entry.ms, clock().getTime());
    },
    recent(limit) {
      const turns = new Map<string, TurnTimings>();
      for (const row of select.all(limit)) {
        const turn = turns.get(row.turn_id) ?? {
          turnId: row.turn_id,
          channel: row.channel,
          at: new Date(row.at),
          stages: {},
        };
        turn.stages[row.stage] = row.ms;
        turns.set(row.turn_id, turn);
      }
      return [...turns.values()].reverse();
    },
  };
}
