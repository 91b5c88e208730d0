import { describe, expect, it } from 'vitest';
import { firstTryOfChannels, notifyChannels, startChannels, stopChannels } from '../../src/app/channels.js';
import type { Channel, ChannelHealth, Notice, NoticeDelivery } from '../../src/core/channel.js';
import { ChannelError } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';

/** A channel whose start() fails with the given errors first; records its starts, stops and notices. */
function scriptedChannel(name: string, failures: Error[]) {
  let health: ChannelHealth = { status: 'idle', detail: 'not started' };
  const record = { starts: 0, stops: 0, notices: [] as Notice[] };
  const channel: Channel = {
    name,
    async start() {
      record.starts += 1;
      const failure = failures.shift();
      if (failure) {
        health = { status: 'failed', detail: failure.message };
        throw failure;
      }
      health = { status: 'running', detail: 'running' };
    },
    async stop() {
      record.stops += 1;
      health = { status: 'stopped', detail: 'stopped' };
    },
    health: () => health,
    async notify(notice): Promise<NoticeDelivery> {
      record.notices.push(notice);
      return { status: 'delivered', detail: `said on ${name}` };
    },
  };
  return { channel, record };
}

function capturedLog() {
  const lines: { level: string; message: string; error?: string }[] = [];
  return { lines, log: createLogger({ write: (line) => lines.push(JSON.parse(line) as (typeof lines)[number]) }) };
}

const unreachable = () =>
  new ChannelError('voice', 'the microphone is busy: close the other program using it', { transient: true });
const wrongToken = new ChannelError(
  'telegram',
  'Telegram rejected the bot token (401): check channels.telegram.token or SYSVOX_TELEGRAM_TOKEN',
);

describe('starting every channel the same way', () => {
  it('retries a channel whose start fails transiently, with backoff, and gives up at once on a fatal one, saying the fix once', async () => {
    const flaky = scriptedChannel('voice', [unreachable(), unreachable()]);
    const fatal = scriptedChannel('telegram', [wrongToken]);
    const { lines, log } = capturedLog();
    const delays: number[] = [];
    const started = await startChannels([flaky.channel, fatal.channel], {
      signal: new AbortController().signal,
      log,
      backoff: { initialDelayMs: 10, sleep: async (ms) => void delays.push(ms) },
    });

    expect(started).toEqual([true, false]);
    expect(flaky.record.starts).toBe(3);
    expect(delays).toEqual([10, 20]);
    expect(fatal.record.starts).toBe(1);
    expect(fatal.channel.health().status).toBe('failed');
    const fixes = lines.filter((line) => JSON.stringify(line).includes('SYSVOX_TELEGRAM_TOKEN'));
    expect(fixes).toHaveLength(1);
    expect(fixes[0]).toMatchObject({
      level: 'error',
      message: 'telegram channel not started; the rest of sysvox keeps running',
    });
  });

  it('fans a notice out to the running channels only, and stops them all', async () => {
    const running = scriptedChannel('voice', []);
    const broken = scriptedChannel('telegram', [wrongToken]);
    const { log } = capturedLog();
    await startChannels([running.channel, broken.channel], { signal: new AbortController().signal, log });
    const notice: Notice = { key: 'alert:disk:/', severity: 'warning', text: 'Disk / is 95% full.' };

    const deliveries = await notifyChannels([running.channel, broken.channel], notice, log);

    expect(deliveries).toEqual([
      { channel: 'voice', status: 'delivered', detail: 'said on voice' },
      { channel: 'telegram', status: 'skipped', detail: `not running: ${wrongToken.message}` },
    ]);
    expect(running.record.notices).toEqual([notice]);
    expect(broken.record.notices).toEqual([]);
    await stopChannels([running.channel, broken.channel], log);
    expect([running.record.stops, broken.record.stops]).toEqual([1, 1]);
  });

  it('has every channel tried (READY=1) while one that failed for now keeps retrying in the background', async () => {
    const flaky = scriptedChannel('telegram', [unreachable(), unreachable()]);
    const fatal = scriptedChannel('gotify', [wrongToken]);
    const running = scriptedChannel('voice', []);
    const { lines, log } = capturedLog();
    const stopping = new AbortController();
    let retry: () => void = () => {};
    const retried = new Promise<void>((resolve) => (retry = resolve));
    const tried: string[] = [];

    await firstTryOfChannels([flaky.channel, fatal.channel, running.channel], {
      signal: stopping.signal,
      log,
      // The retry waits until the test lets it go: firstTryOfChannels must resolve before that.
      backoff: { initialDelayMs: 10, sleep: () => retried },
      onFirstTry: (channel) => tried.push(channel.name),
    });

    expect(tried.sort()).toEqual(['gotify', 'telegram', 'voice']);
    expect([flaky.record.starts, fatal.record.starts, running.record.starts]).toEqual([1, 1, 1]);
    expect(flaky.channel.health().status).toBe('failed');
    expect(lines.map((line) => line.message)).toEqual(
      expect.arrayContaining([
        'telegram channel could not start yet; trying again',
        'gotify channel not started; the rest of sysvox keeps running',
      ]),
    );
    stopping.abort();
    retry();
  });

  it('has no channels to try when none is enabled', async () => {
    const { log } = capturedLog();
    await expect(firstTryOfChannels([], { signal: new AbortController().signal, log })).resolves.toBeUndefined();
  });
});
