import type { Database } from 'better-sqlite3';

export interface Fact {
  id: number;
  text: string;
  personId: number | null;
  createdAt: Date;
}

export interface FactStore {
  /** Stores a fact ("nas is the storage box"); an identical fact is stored once. */
  remember(text: string, personId?: number): Fact;
  /** Removes the facts that loosely match the query; returns how many were removed. */
  forget(query: string): number;
  list(): Fact[];
}

interface FactRow {
  id: number;
  text: string;
  person_id: number | null;
  created_at: number;
}

const fillerWords = new Set([
  'a',
  'an',
  'the',
  'is',
  'are',
  'that',
  'about',
  'my',
  'of',
  'to',
  'fact',
  'facts',
  'please',
]);

/** Lower-case words without punctuation or filler ("that the NAS is..." -> ["nas", ...]). */
function meaningfulWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !fillerWords.has(word));
}

/** A fact matches when it contains the query as a phrase, or every meaningful word of it. */
function factMatches(factText: string, query: string): boolean {
  const words = meaningfulWords(query);
  if (words.length === 0) return false;
  const factWords = meaningfulWords(factText);
  if (` ${factWords.join(' ')} `.includes(` ${words.join(' ')} `)) return true;
  return words.every((word) => factWords.includes(word));
}

export function createFactStore(database: Database, clock: () => Date): FactStore {
  const insert = database.prepare<[string, number | null, number]>(
    'INSERT INTO facts (text, person_id, created_at) VALUES (?, ?, ?)',
  );
  const selectAll = database.prepare<[], FactRow>('SELECT id, text, person_id, created_at FROM facts ORDER BY id');
  const findSame = database.prepare<[string], FactRow>(
    'SELECT id, text, person_id, created_at FROM facts WHERE lower(text) = lower(?)',
  );
  const remove = database.prepare<[number]>('DELETE FROM facts WHERE id = ?');
  const toFact = (row: FactRow): Fact => ({
    id: row.id,
    text: row.text,
    personId: row.person_id,
    createdAt: new Date(row.created_at),
  });

  return {
    remember(text, personId) {
      const trimmed = text.trim();
      const same = findSame.get(trimmed);
      if (same) return toFact(same);
      const createdAt = clock();
      const id = Number(insert.run(trimmed, personId ?? null, createdAt.getTime()).lastInsertRowid);
      return { id, text: trimmed, personId: personId ?? null, createdAt };
    },
    forget(query) {
      const matching = selectAll.all().filter((row) => factMatches(row.text, query));
      database.transaction(() => matching.forEach((row) => remove.run(row.id)))();
      return matching.length;
    },
    list: () => selectAll.all().map(toFact),
  };
}
