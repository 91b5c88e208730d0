/**
 * Linked identities (channels.discord.linkedIdentities): a Discord id linked to "telegram:111" is the
 * same person as that Telegram user, created if new, moved if it was someone else, and it stays so
 * after the database is opened again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openMemory, type Memory } from '../../src/memory/memory.js';

let dir: string;
let memory: Memory | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sysvox-people-'));
});
afterEach(() => {
  memory?.close();
  memory = undefined;
  rmSync(dir, { recursive: true, force: true });
});
const open = () => (memory = openMemory({ path: join(dir, 'sysvox.db') }));

const discord = { channel: 'discord', externalId: '53908232506183680', displayName: 'Mason' };
const telegram = { channel: 'telegram', externalId: '111', displayName: 'Mason T' };

it('makes a Discord id the same person as the linked Telegram id, whichever was seen first', () => {
  const people = open().people;
  const telegramPerson = people.resolve(telegram);
  expect(people.link(discord, telegram)).toEqual(telegramPerson);
  expect(people.resolve(discord)).toEqual(telegramPerson);
});

it('moves an identity that was another person, and keeps the link after a restart', () => {
  let people = open().people;
  const before = people.resolve(discord);
  const linked = people.link(discord, telegram);
  expect(linked.id).not.toBe(before.id);
  memory?.close();
  people = open().people;
  expect(people.resolve(discord).id).toBe(linked.id);
  expect(people.resolve(telegram).id).toBe(linked.id);
  expect(people.link(discord, telegram).id).toBe(linked.id);
});
