import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../../channels/telegram/ports.js';
import { startFakeTelegram } from '../fakes/fake-telegram.js';
import { allowedUser, startHarness, type Harness, keepRunning } from './helpers/channel-harness.js';
import { createScriptedCore, done } from './helpers/scripted-core.js';
import { textUpdate } from './helpers/telegram-updates.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harnessFor(options: Parameters<typeof startHarness>[0]): Promise<Harness> {
  const harness = await startHarness(options);
  cleanups.push(() => harness.close());
  return harness;
}

/** A kv on a real SQLite file, as the lead will wire it: survives closing and reopening. */
function sqliteKv(path: string): KeyValueStore & { close(): void } {
  const database = new Database(path);
  database.exec('create table if not exists kv (key text primary key, value text not null)');
  return {
    get: (key) =>
      (database.prepare('select value from kv where key = ?').get(key) as { value: string } | undefined)?.value,
    set: (key, value) =>
      void database
        .prepare('insert into kv (key, value) values (?, ?) on conflict(key) do update set value = excluded.value')
        .run(key, value),
    close: () => database.close(),
  };
}

const echoCore = () => createScriptedCore((turn) => [done(`answer to ${turn.text}`)]);

describe('Telegram polling resilience', () => {
  it('stops the channel on 401 with a log line that names the fix, and never logs the token', async () => {
    const fake = await startFakeTelegram();
    cleanups.push(() => fake.close());
    const harness = await harnessFor({ core: echoCore(), fake });
    await harness.channel.start(keepRunning);
    fake.failNext('getUpdates', { kind: 'unauthorized' });
    await fake.waitFor(() => harness.channel.health().status === 'failed');
    const pollsAfterStop = fake.callsTo('getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 150));

    expect(fake.callsTo('getUpdates')).toHaveLength(pollsAfterStop);
    expect(
      harness.logLines.some((line) =>
        line.includes('Telegram rejected the bot token (401): check channels.telegram.token or SYSVOX_TELEGRAM_TOKEN'),
      ),
    ).toBe(true);
    expect(harness.logLines.join('\n')).not.toContain(fake.token);
  });

  it('refuses to start with a wrong token and says how to fix it', async () => {
    const fake = await startFakeTelegram();
    cleanups.push(() => fake.close());
    const harness = await harnessFor({ core: echoCore(), fake, token: '999999:WRONG-token-abcdefghij' });
    await expect(harness.channel.start(keepRunning)).rejects.toThrow(/401.*SYSVOX_TELEGRAM_TOKEN/);
    expect(harness.channel.health()).toEqual({
      status: 'failed',
      detail: expect.stringMatching(/401.*SYSVOX_TELEGRAM_TOKEN/) as unknown,
    });
    expect(harness.logLines.join('\n')).not.toContain('WRONG-token-abcdefghij');
  });

  it('backs off after connection resets and 5xx, then resumes without answering anything twice', async () => {
    const harness = await harnessFor({ core: echoCore() });
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'first'));
    await harness.fake.waitFor(() => harness.sentTexts(allowedUser).length >= 1);
    harness.fake.failNext('getUpdates', { kind: 'connection-reset' }, 2);
    harness.fake.failNext('getUpdates', { kind: 'server-error' });
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'second'));
    await harness.fake.waitFor(() => harness.sentTexts(allowedUser).length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 150));

    expect(harness.sentTexts(allowedUser)).toEqual(['answer to first', 'answer to second']);
    expect(harness.logLines.filter((line) => line.includes('getUpdates failed')).length).toBeGreaterThanOrEqual(3);
    expect(harness.channel.health().status).toBe('running');
  });

  it('stops at once while backing off, so shutting sysvox down does not wait out the pause', async () => {
    const harness = await harnessFor({ core: echoCore(), backoff: { initialMs: 30_000, maxMs: 30_000 } });
    await harness.channel.start(keepRunning);
    harness.fake.failNext('getUpdates', { kind: 'server-error' });
    await harness.fake.waitFor(() => harness.logLines.some((line) => line.includes('getUpdates failed')));
    const stopping = Date.now();
    await harness.channel.stop();
    expect(Date.now() - stopping).toBeLessThan(1000);
    expect(harness.channel.health().status).toBe('stopped');
  });

  it('after a crash, a restart resumes from the offset persisted in SQLite: no duplicate replies', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sysvox-telegram-'));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    const fake = await startFakeTelegram();
    cleanups.push(() => fake.close());

    const firstKv = sqliteKv(join(directory, 'sysvox.db'));
    const first = await startHarness({ core: echoCore(), fake, kv: firstKv });
    await first.channel.start(keepRunning);
    const handled = fake.enqueueUpdate(textUpdate(allowedUser, 'before the crash'));
    await fake.waitFor(() => first.sentTexts(allowedUser).length >= 1);
    await fake.waitFor(() => fake.callsTo('getUpdates').some((call) => call.params.offset === handled.update_id + 1));
    await first.close();
    firstKv.close();
    fake.forgetConfirmations(); // Telegram never saw the offset: it would serve the update again

    const secondKv = sqliteKv(join(directory, 'sysvox.db'));
    cleanups.push(() => secondKv.close());
    const second = await harnessFor({ core: echoCore(), fake, kv: secondKv });
    await second.channel.start(keepRunning);
    fake.enqueueUpdate(textUpdate(allowedUser, 'after the restart'));
    await fake.waitFor(() => second.sentTexts(allowedUser).includes('answer to after the restart'));

    expect(second.sentTexts(allowedUser)).toEqual(['answer to before the crash', 'answer to after the restart']);
  });
});
