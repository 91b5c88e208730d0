import type { Database } from 'better-sqlite3';
import type { PersonRef } from '../types.js';

export interface Person {
  id: number;
  displayName: string;
}

export interface PeopleStore {
  /** The person behind a channel identity, created on first sight. */
  resolve(ref: PersonRef): Person;
  get(id: number): Person | undefined;
  /**
   * Makes `ref` an identity of the person behind `to` (created if new), as the config links them
   * ("this Discord user is telegram:12345"); an identity that pointed at someone else is moved.
   */
  link(ref: PersonRef, to: PersonRef): Person;
}

export function createPeopleStore(database: Database, clock: () => Date): PeopleStore {
  const findIdentity = database.prepare<[string, string], { id: number; display_name: string }>(
    `SELECT people.id, people.display_name FROM identities
     JOIN people ON people.id = identities.person_id
     WHERE identities.channel = ? AND identities.external_id = ?`,
  );
  const insertPerson = database.prepare<[string, number]>(
    'INSERT INTO people (display_name, created_at) VALUES (?, ?)',
  );
  const insertIdentity = database.prepare<[string, string, number]>(
    'INSERT INTO identities (channel, external_id, person_id) VALUES (?, ?, ?)',
  );
  const selectPerson = database.prepare<[number], { id: number; display_name: string }>(
    'SELECT id, display_name FROM people WHERE id = ?',
  );

  const create = database.transaction((ref: PersonRef): Person => {
    const displayName = ref.displayName ?? `${ref.channel}:${ref.externalId}`;
    const id = Number(insertPerson.run(displayName, clock().getTime()).lastInsertRowid);
    insertIdentity.run(ref.channel, ref.externalId, id);
    return { id, displayName };
  });

  const moveIdentity = database.prepare<[number, string, string]>(
    'UPDATE identities SET person_id = ? WHERE channel = ? AND external_id = ?',
  );
  const resolve = (ref: PersonRef): Person => {
    const found = findIdentity.get(ref.channel, ref.externalId);
    if (found) return { id: found.id, displayName: found.display_name };
    return create(ref);
  };
  const link = database.transaction((ref: PersonRef, to: PersonRef): Person => {
    const person = resolve(to);
    const current = findIdentity.get(ref.channel, ref.externalId);
    if (!current) insertIdentity.run(ref.channel, ref.externalId, person.id);
    else if (current.id !== person.id) moveIdentity.run(person.id, ref.channel, ref.externalId);
    return person;
  });

  return {
    resolve,
    link: (ref, to) => link(ref, to),
    get(id) {
      const row = selectPerson.get(id);
      return row ? { id: row.id, displayName: row.display_name } : undefined;
    },
  };
}
