/**
 * How `sysvox run` starts the Telegram channel: a missing token is a ConfigError that names the fix;
 * a token Telegram rejects (401) is logged with the fix and the rest of sysvox keeps answering.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { localPerson } from '../../src/cli/local-person.js';
import { createTelegramApp, type TelegramApp } from './telegram-app.js';

let telegram: TelegramApp | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await telegram?.close();
  telegram = undefined;
});

async function replyText(app: TelegramApp['app'], text: string): Promise<string> {
  let reply = '';
  for await (const event of app.core.handle({
    channel: 'cli',
    person: localPerson(),
    conversation: 'startup-test',
    text,
    modality: 'text',
  })) {
    if (event.type === 'done') reply = event.text;
  }
  return reply;
}

describe('starting the Telegram channel', () => {
  it('refuses to start without a token, naming channels.telegram.token and SYSVOX_TELEGRAM_TOKEN', async () => {
    telegram = await createTelegramApp({ configToken: null });
    const started = telegram.app.start();
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(/channels\.telegram\.token.*SYSVOX_TELEGRAM_TOKEN/);
    expect(telegram.fake.calls).toEqual([]);
  });

  it('logs a 401 with the fix and keeps the core answering', async () => {
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      lines.push(String(chunk));
      return write(chunk, ...(rest as []));
    });
    telegram = await createTelegramApp({ fakeToken: '999:the-token-telegram-knows' });
    await telegram.app.start(); // the channel starts in the background; the service does not wait for Telegram
    for (let waited = 0; waited < 5000 && !lines.join('').includes('401'); waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(telegram.fake.callsTo('getMe')).toHaveLength(1);
    const log = lines.join('');
    expect(log).toMatch(/401/);
    expect(log.match(/channels\.telegram\.token or SYSVOX_TELEGRAM_TOKEN/g)).toHaveLength(1); // said once, not retried
    expect(log).not.toContain('TEST-token-abcdefghijklmnopqrstuvwxyz12345');
    expect(await replyText(telegram.app, 'what is the uptime')).toMatch(/up for/i);
    expect(telegram.fake.callsTo('getUpdates')).toEqual([]);
  });
});
