import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ChannelError } from '../../src/errors.js';
import { keepStarting } from '../../src/keep-starting.js';
import { createLogger } from '../../src/log.js';
import { pause } from '../../src/pause.js';

const logTo = (lines: string[]) => createLogger({ write: (line) => lines.push(line) });

describe('starting a channel', () => {
  it('tries again while the failure is transient, then starts', async () => {
    let attempts = 0;
    const delays: number[] = [];
    const lines: string[] = [];
    const started = await keepStarting(
      async () => {
        attempts += 1;
        if (attempts < 3) throw new ChannelError('telegram', 'Telegram is unreachable', { transient: true });
      },
      {
        what: 'Telegram channel',
        signal: new AbortController().signal,
        log: logTo(lines),
        initialDelayMs: 10,
        sleep: async (ms) => void delays.push(ms),
      },
    );
    expect(started).toBe(true);
    expect(attempts).toBe(3);
    expect(delays).toEqual([10, 20]);
    expect(lines.filter((line) => line.includes('trying again'))).toHaveLength(2);
  });

  it('gives up at once on a fatal failure and says so', async () => {
    let attempts = 0;
    const lines: string[] = [];
    const started = await keepStarting(
      async () => {
        attempts += 1;
        throw new ChannelError('telegram', 'Telegram rejected the bot token (401)');
      },
      { what: 'Telegram channel', signal: new AbortController().signal, log: logTo(lines) },
    );
    expect(started).toBe(false);
    expect(attempts).toBe(1);
    expect(lines[0]).toContain('401');
    expect(lines[0]).toContain('the rest of sysvox keeps running');
  });
});

describe('pause', () => {
  it('ends at once when the service stops, and leaves no listener behind after many waits', async () => {
    const controller = new AbortController();
    for (let round = 0; round < 20; round++) await pause(1, controller.signal);
    expect(EventEmitter.getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    const started = performance.now();
    const waiting = pause(30_000, controller.signal);
    controller.abort();
    await waiting;
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
