import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemory, type Memory } from '../../src/memory/memory.js';
import { migrate, migrations } from '../../src/memory/migrations.js';

let dir: string;
let memory: Memory | undefined;
const now = { value: new Date('2026-03-01T08:00:00Z') };
const clock = () => new Date(now.value);
const open = () => (memory = openMemory({ path: join(dir, 'sysvox.db'), clock }));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sysvox-memory-'));
});
afterEach(() => {
  memory?.close();
  memory = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite memory', () => {
  it('migrates an empty file to the latest version, in WAL mode with foreign keys on', () => {
    const opened = open();
    expect(opened.schemaVersion).toBe(migrations.length);
    const database = opened.database;
    expect(database.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual([
      'alert_events',
      'alert_groups',
      'alert_silences',
      'alerts',
      'approvals',
      'audit',
      'conversations',
      'facts',
      'identities',
      'kv',
      'messages',
      'people',
      'timings',
    ]);
  });

  it('applies only the new steps of a later migration, each in a transaction', () => {
    const database = new BetterSqlite3(join(dir, 'steps.db'));
    expect(migrate(database, ['CREATE TABLE one (x)'])).toEqual({ from: 0, to: 1 });
    expect(migrate(database, ['CREATE TABLE one (x)', 'CREATE TABLE two (y)'])).toEqual({ from: 1, to: 2 });
    expect(() =>
      migrate(database, [
        'CREATE TABLE one (x)',
        'CREATE TABLE two (y)',
        'CREATE TABLE three (z); CREATE TABLE broken (',
      ]),
    ).toThrow();
    expect(database.pragma('user_version', { simple: true })).toBe(2);
    expect(database.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'three'").pluck().get()).toBe(0);
    database.close();
  });

  it('opens a database from before the audit had a host column: old rows keep no host, new rows record theirs', () => {
    const old = new BetterSqlite3(join(dir, 'sysvox.db'));
    migrate(old, migrations.slice(0, 1));
    old.prepare("INSERT INTO audit (at, kind, detail, outcome) VALUES (1, 'tool-call', 'restart plex', 'ok')").run();
    old.close();
    const opened = open();
    expect(opened.schemaVersion).toBe(migrations.length);
    opened.audit.record({
      kind: 'tool-refused',
      tool: 'docker_restart',
      host: 'nas',
      detail: "restart container 'plex' on nas",
      outcome: 'refused',
    });
    expect(opened.audit.list({ limit: 10 }).map((row) => [row.detail, row.host])).toEqual([
      ['restart plex', null],
      ["restart container 'plex' on nas", 'nas'],
    ]);
  });

  it('keeps people, conversations, facts, audit, timings and channel state across close and reopen', () => {
    const first = open();
    const alice = first.people.resolve({ channel: 'telegram', externalId: '42', displayName: 'Alice' });
    expect(first.people.resolve({ channel: 'telegram', externalId: '42' })).toEqual(alice);
    expect(first.people.resolve({ channel: 'cli', externalId: 'local' }).id).not.toBe(alice.id);
    const conversation = first.conversations.open({ channel: 'telegram', key: 'chat-42', personId: alice.id });
    ['is plex up?', 'Plex is healthy.', 'and jellyfin?'].forEach((text, index) => {
      now.value = new Date(now.value.getTime() + 1000);
      first.conversations.append(conversation, index % 2 === 0 ? 'user' : 'assistant', text);
    });
    first.facts.remember('nas is the storage box', alice.id);
    first.audit.record({
      kind: 'tool-call',
      personId: alice.id,
      channel: 'telegram',
      tool: 'docker_list',
      detail: 'list containers',
      outcome: 'ok',
    });
    first.timings.record({ turnId: 't1', channel: 'telegram', stage: 'router', ms: 3.5 });
    first.kv.set('telegram:offset', '1234');
    first.close();
    memory = undefined;

    const second = open();
    expect(second.people.resolve({ channel: 'telegram', externalId: '42' })).toEqual({
      id: alice.id,
      displayName: 'Alice',
    });
    const again = second.conversations.open({ channel: 'telegram', key: 'chat-42' });
    expect(again).toBe(conversation);
    expect(second.conversations.recent(again, 2).map((message) => [message.role, message.text])).toEqual([
      ['assistant', 'Plex is healthy.'],
      ['user', 'and jellyfin?'],
    ]);
    expect(second.facts.list().map((fact) => fact.text)).toEqual(['nas is the storage box']);
    expect(second.audit.list({ limit: 10 })).toMatchObject([
      { kind: 'tool-call', personId: alice.id, tool: 'docker_list', outcome: 'ok' },
    ]);
    expect(second.timings.recent(5)).toMatchObject([{ turnId: 't1', stages: { router: 3.5 } }]);
    expect(second.kv.get('telegram:offset')).toBe('1234');
  });

  it('forgets facts by loose match and reports how many went', () => {
    const opened = open();
    opened.facts.remember('nas is the storage box');
    opened.facts.remember('The NAS backs up at 3am');
    opened.facts.remember('plex runs on the mini pc');
    opened.facts.remember('nas is the storage box');
    expect(opened.facts.list()).toHaveLength(3);
    expect(opened.facts.forget('the storage box')).toBe(1);
    expect(opened.facts.forget('about the nas')).toBe(1);
    expect(opened.facts.forget('jellyfin')).toBe(0);
    expect(opened.facts.list().map((fact) => fact.text)).toEqual(['plex runs on the mini pc']);
  });

  it('groups timings per turn, newest turn first', () => {
    const opened = open();
    opened.timings.record({ turnId: 'a', channel: 'voice', stage: 'stt', ms: 300 });
    opened.timings.record({ turnId: 'a', channel: 'voice', stage: 'wake-to-speech', ms: 900 });
    opened.timings.record({ turnId: 'b', channel: 'cli', stage: 'brain', ms: 1200 });
    opened.timings.record({ turnId: 'c', channel: 'cli', stage: 'router', ms: 2 });
    expect(opened.timings.recent(2).map((turn) => turn.turnId)).toEqual(['c', 'b']);
    expect(opened.timings.recent(5).at(-1)).toMatchObject({
      turnId: 'a',
      channel: 'voice',
      stages: { stt: 300, 'wake-to-speech': 900 },
    });
  });

  it('lists audit rows since a time, oldest first, with secrets removed from the detail', () => {
    const opened = open();
    opened.audit.record({ kind: 'tool-refused', detail: 'old', outcome: 'refused' });
    now.value = new Date(now.value.getTime() + 60_000);
    const since = clock();
    opened.audit.record({ kind: 'tool-call', detail: 'ran with password=hunter2', outcome: 'ok' });
    opened.audit.record({ kind: 'approval-created', detail: 'restart plex', outcome: 'pending' });
    const rows = opened.audit.list({ limit: 10, since });
    expect(rows.map((row) => row.kind)).toEqual(['tool-call', 'approval-created']);
    expect(rows[0]?.detail).toBe('ran with password=[REDACTED]');
    expect(opened.audit.list({ limit: 1 }).map((row) => row.detail)).toEqual(['restart plex']);
  });
});
