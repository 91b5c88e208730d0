import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTelegram } from '../fakes/fake-telegram.js';
import { allowedUser, startHarness, type Harness, keepRunning } from './helpers/channel-harness.js';
import { createScriptedCore, done } from './helpers/scripted-core.js';
import { textUpdate } from './helpers/telegram-updates.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const echoCore = () => createScriptedCore((turn) => [done(`answer to ${turn.text}`)]);

async function harnessFor(options: Parameters<typeof startHarness>[0]): Promise<Harness> {
  const harness = await startHarness(options);
  cleanups.push(() => harness.close());
  return harness;
}

describe('Telegram webhooks and competing pollers', () => {
  it('removes a webhook left from earlier at start, keeping the updates that waited, and then answers', async () => {
    const fake = await startFakeTelegram({ webhookUrl: 'https://old-host.example/hook' });
    cleanups.push(() => fake.close());
    fake.enqueueUpdate(textUpdate(allowedUser, 'sent while the webhook was set'));
    const harness = await harnessFor({ core: echoCore(), fake });
    await harness.channel.start(keepRunning);
    await fake.waitFor(() => harness.sentTexts(allowedUser).length === 1, 3000);

    expect(harness.sentTexts(allowedUser)).toEqual(['answer to sent while the webhook was set']);
    expect(fake.callsTo('deleteWebhook').map((call) => call.params.drop_pending_updates)).toEqual([false]);
  });

  it('on 409 (another poller holds the bot) says once what to do, backs off, and resumes', async () => {
    const harness = await harnessFor({ core: echoCore(), backoff: { initialMs: 40, maxMs: 400 } });
    harness.fake.failNext('getUpdates', { kind: 'conflict' }, 4);
    const startedAt = Date.now();
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'status'));
    await harness.fake.waitFor(() => harness.sentTexts(allowedUser).length === 1, 5000);
    const waitedMs = Date.now() - startedAt;

    const conflictLines = harness.logLines.filter((line) => line.includes('409'));
    expect(conflictLines).toHaveLength(1);
    expect(conflictLines[0]).toMatch(/another program is polling with this bot token, or a webhook is set/);
    expect(conflictLines[0]).toMatch(/stop the other poller .* or remove the webhook/);
    // Backed off between the four conflicts (40 + 80 + 160 + 320 ms), not hammering Telegram.
    expect(waitedMs).toBeGreaterThanOrEqual(590);
    expect(harness.fake.callsTo('getUpdates').length).toBeLessThanOrEqual(7);
    expect(harness.channel.health().status).toBe('running');
  });
});
