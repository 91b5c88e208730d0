import type { Database } from 'better-sqlite3';

/** Small persistent channel state, such as the Telegram update offset. */
export interface KeyValueStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export function createKeyValueStore(database: Database, clock: () => Date): KeyValueStore {
  const select = database.prepare<[string], { value: string }>('SELECT value FROM kv WHERE key = ?');
  const upsert = database.prepare<[string, string, number]>(
    'INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const remove = database.prepare<[string]>('DELETE FROM kv WHERE key = ?');
  return {
    get: (key) => select.get(key)?.value,
    set: (key, value) => void upsert.run(key, value, clock().getTime()),
    delete: (key) => void remove.run(key),
  };
}
