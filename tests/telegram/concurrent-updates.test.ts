import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryKeyValueStore, type KeyValueStore } from '../../channels/telegram/ports.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/fake-telegram.js';
import { allowedUser, startHarness, keepRunning } from './helpers/channel-harness.js';
import { createScriptedCore, done } from './helpers/scripted-core.js';
import { textUpdate } from './helpers/telegram-updates.js';

const secondUser = 3333;
const thirdUser = 4444;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A core whose "slow question" answers only when the test says so; everything else answers at once. */
function slowCore() {
  const releases: (() => void)[] = [];
  const core = createScriptedCore(async (turn) => {
    if (turn.text.startsWith('slow')) await new Promise<void>((resolve) => releases.push(resolve));
    return [done(`answer to ${turn.text}`)];
  });
  return { core, releaseAll: () => releases.splice(0).forEach((release) => release()) };
}

async function start(options: {
  core: ReturnType<typeof slowCore>['core'];
  fake?: FakeTelegram;
  kv?: KeyValueStore;
  max?: number;
}) {
  const harness = await startHarness({
    core: options.core,
    fake: options.fake,
    kv: options.kv,
    telegram: { allowedUserIds: [allowedUser, secondUser, thirdUser], maxConcurrentUpdates: options.max ?? 4 },
  });
  cleanups.push(() => harness.close());
  await harness.channel.start(keepRunning);
  return harness;
}

describe('Telegram updates across chats', () => {
  it('answers a status from another chat while a slow answer is still running in the first chat', async () => {
    const { core, releaseAll } = slowCore();
    cleanups.push(releaseAll);
    const harness = await start({ core });
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'slow question about plex'));
    await harness.fake.waitFor(() => core.turns.length === 1);
    harness.fake.enqueueUpdate(textUpdate(secondUser, 'status'));
    await harness.fake.waitFor(() => harness.sentTexts(secondUser).length === 1, 3000);

    expect(harness.sentTexts(secondUser)).toEqual(['answer to status']);
    expect(harness.sentTexts(allowedUser)).toEqual([]);
    releaseAll();
    await harness.fake.waitFor(() => harness.sentTexts(allowedUser).length === 1);
    expect(harness.sentTexts(allowedUser)).toEqual(['answer to slow question about plex']);
  });

  it("keeps one chat's messages in order: the second waits for the slow first one", async () => {
    const { core, releaseAll } = slowCore();
    cleanups.push(releaseAll);
    const harness = await start({ core });
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'slow question'));
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'status'));
    await harness.fake.waitFor(() => core.turns.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(core.turns.map((turn) => turn.text)).toEqual(['slow question']);
    releaseAll();
    await harness.fake.waitFor(() => harness.sentTexts(allowedUser).length === 2);
    expect(harness.sentTexts(allowedUser)).toEqual(['answer to slow question', 'answer to status']);
  });

  it('runs at most maxConcurrentUpdates turns at once; the others wait their turn', async () => {
    const { core, releaseAll } = slowCore();
    cleanups.push(releaseAll);
    const harness = await start({ core, max: 2 });
    for (const user of [allowedUser, secondUser, thirdUser]) harness.fake.enqueueUpdate(textUpdate(user, 'slow one'));
    await harness.fake.waitFor(() => core.turns.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(core.turns).toHaveLength(2);
    releaseAll();
    await harness.fake.waitFor(() => core.turns.length === 3);
    releaseAll();
    await harness.fake.waitFor(() => harness.sentTexts(thirdUser).length === 1);
  });

  it('after a crash, handles the unfinished earlier update and not the later one that had finished', async () => {
    const fake = await startFakeTelegram();
    cleanups.push(() => fake.close());
    const disk = new Map<string, string>();
    const kv: KeyValueStore = { get: (key) => disk.get(key), set: (key, value) => void disk.set(key, value) };
    const { core, releaseAll } = slowCore();
    cleanups.push(releaseAll);
    await start({ core, fake, kv });
    fake.enqueueUpdate(textUpdate(allowedUser, 'slow question from chat A'));
    await fake.waitFor(() => core.turns.length === 1);
    fake.enqueueUpdate(textUpdate(secondUser, 'status from chat B'));
    await fake.waitFor(() => fake.sentTexts(secondUser).length === 1);
    await fake.waitFor(() => fake.callsTo('getUpdates').length >= 3); // Telegram has seen the offset past both
    // The process dies here: A is still running, B is done. What is on disk is what the restart sees.
    const onDiskAtCrash = createMemoryKeyValueStore(Object.fromEntries(disk));
    releaseAll(); // (the old process is gone: let its handler end so the harness can close)
    await cleanups.pop()?.();

    const restarted = slowCore();
    const after = await start({ core: restarted.core, fake, kv: onDiskAtCrash });
    await fake.waitFor(() => restarted.core.turns.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(restarted.core.turns.map((turn) => turn.text)).toEqual(['slow question from chat A']);
    restarted.releaseAll();
    await fake.waitFor(() => after.sentTexts(allowedUser).filter((text) => text.includes('chat A')).length === 2);
    expect(after.sentTexts(secondUser)).toEqual(['answer to status from chat B']);
  });
});
