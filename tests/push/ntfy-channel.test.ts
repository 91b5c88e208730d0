/**
 * The ntfy channel against a fake ntfy server over a real socket: the headers and body ntfy receives for
 * each severity, a protected topic with and without the right token, the publish limit, and an
 * unreachable or hung server, with the access token never in a delivery or a log line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createNtfyChannel } from '../../channels/ntfy/ntfy-channel.js';
import type { Channel } from '../../src/core/channel.js';
import { startFakeNtfy, type FakeNtfy } from '../fakes/fake-ntfy.js';
import { header } from '../fakes/push-server.js';
import { backupInfo, capturingLog, diskWarning, keepRunning, now, ntfySettings, plexDown } from './push-fixtures.js';

let fake: FakeNtfy | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const topic = 'nas-alerts-7f3k';
const token = 'tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2';

async function startedChannel(
  settings: Record<string, unknown>,
  others: { telegram?: boolean } = {},
): Promise<{ channel: Channel; lines: string[] }> {
  const { log, lines } = capturingLog();
  const channel = createNtfyChannel({
    config: {
      channels: { ntfy: ntfySettings({ topic, ...settings }), telegram: { enabled: others.telegram ?? false } },
    },
    log,
    clock: () => now,
  });
  await channel.start(keepRunning);
  return { channel, lines };
}

describe('the ntfy channel', () => {
  it('publishes each severity to the topic with its title, priority and emoji tag as headers', async () => {
    fake = await startFakeNtfy();
    const { channel } = await startedChannel({ url: fake.url });

    const deliveries = [
      await channel.notify(backupInfo),
      await channel.notify(diskWarning),
      await channel.notify({ ...diskWarning, severity: 'critical' }),
    ];

    expect(deliveries.map((delivery) => delivery.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(deliveries[0]!.detail).toBe(
      `published to ntfy at ${fake.url}, topic nas... (message ${fake.messages()[0]!.id})`,
    );
    const [info, warning, critical] = fake.posts();
    expect(`${warning!.method} ${warning!.path}`).toBe(`POST /${topic}`);
    expect(warning!.text).toBe('Warning: the disk on /mnt/tank is 93 percent full.');
    expect(header(warning!, 'content-type')).toBe('text/plain; charset=utf-8');
    expect(header(warning!, 'authorization')).toBeUndefined();
    expect(
      [info, warning, critical].map((post) => [
        header(post!, 'title'),
        header(post!, 'priority'),
        header(post!, 'tags'),
      ]),
    ).toEqual([
      ['sysvox: info', '3', 'information_source'],
      ['sysvox: warning', '4', 'warning'],
      ['sysvox: critical', '5', 'rotating_light'],
    ]);
    expect(fake.messages().map(({ topic: to, priority, tags }) => ({ to, priority, tags }))).toEqual([
      { to: topic, priority: 3, tags: ['information_source'] },
      { to: topic, priority: 4, tags: ['warning'] },
      { to: topic, priority: 5, tags: ['rotating_light'] },
    ]);
  });

  it('takes priorities by number or by ntfy name from the config', async () => {
    fake = await startFakeNtfy();
    const { channel } = await startedChannel({
      url: fake.url,
      priorities: { info: 'min', warning: 'high', critical: 4 },
    });
    for (const notice of [backupInfo, diskWarning, plexDown]) await channel.notify(notice);
    expect(fake.messages().map((message) => message.priority)).toEqual([1, 4, 4]);
  });

  it('sends the access token as a Bearer header to a protected topic, and says how to approve an offer', async () => {
    fake = await startFakeNtfy({ token });
    const { channel } = await startedChannel({ url: fake.url, token }, { telegram: true });
    expect((await channel.notify(plexDown)).status).toBe('delivered');
    expect(header(fake.posts()[0]!, 'authorization')).toBe(`Bearer ${token}`);
    expect(fake.messages()[0]!.message).toBe(
      'plex has been unhealthy for 5 minutes. Shall I restart it?\n\n' +
        "Offered: restart container 'plex' (expires in 10 minutes).\n" +
        'To approve, press Approve in Telegram, or run: sysvox approvals approve n1',
    );
  });

  it('a protected topic without a token fails with 403 and names the token setting', async () => {
    fake = await startFakeNtfy({ token });
    const { channel } = await startedChannel({ url: fake.url });
    expect(await channel.notify(diskWarning)).toEqual({
      status: 'failed',
      detail:
        'ntfy refused the notice: 403 forbidden; check channels.ntfy.token or SYSVOX_NTFY_TOKEN: the topic is protected and the token needs write access to it',
    });
    expect(fake.messages()).toEqual([]);
  });

  it('a wrong token fails with 401, and the token is in no delivery or log line', async () => {
    fake = await startFakeNtfy({ token });
    const planted = 'tk_plantedtokenthatmustnotprint0';
    const { channel, lines } = await startedChannel({ url: fake.url, token: planted });
    const delivery = await channel.notify(diskWarning);
    expect(delivery.status).toBe('failed');
    expect(delivery.detail).toMatch(/^ntfy refused the notice: 401 unauthorized; check channels\.ntfy\.token/);
    expect(lines.some((line) => line.includes('could not push a notice to ntfy'))).toBe(true);
    expect(`${delivery.detail}\n${lines.join('\n')}`).not.toContain(planted);
  });

  it('a server that echoes the token in its error gets it masked', async () => {
    fake = await startFakeNtfy({ token });
    fake.answerNext({ status: 500, text: `proxy: bad header Authorization: Bearer ${token}` });
    const { channel, lines } = await startedChannel({ url: fake.url, token });
    const delivery = await channel.notify(diskWarning);
    expect(delivery.detail).toBe(
      'ntfy refused the notice: 500 Internal Server Error: proxy: bad header Authorization: Bearer [REDACTED]',
    );
    expect(lines.join('\n')).not.toContain(token);
  });

  it('the publish limit fails with 429 and says so', async () => {
    fake = await startFakeNtfy({ publishLimit: 1 });
    const { channel } = await startedChannel({ url: fake.url });
    expect((await channel.notify(diskWarning)).status).toBe('delivered');
    expect(await channel.notify(diskWarning)).toEqual({
      status: 'failed',
      detail:
        'ntfy refused the notice: 429 limit reached: too many requests, please be nice; the server limits how often this machine may publish (ntfy visitor limits)',
    });
  });

  it('cuts a notice too long for one ntfy message, so it arrives as text and not as a file', async () => {
    fake = await startFakeNtfy();
    const { channel } = await startedChannel({ url: fake.url });
    const names = Array.from({ length: 400 }, (_, index) => `conteneur-é${index}`).join(', ');
    await channel.notify({ ...diskWarning, text: `These containers are unhealthy: ${names}.` });
    const [published] = fake.messages();
    expect(published!.attachment).toBeUndefined();
    expect(published!.message).toMatch(/^These containers are unhealthy: conteneur-é0, conteneur-é1, .* \[\.\.\.\]$/);
    expect(Buffer.byteLength(published!.message)).toBeLessThanOrEqual(4000);
  });

  it('works under a path prefix behind a reverse proxy', async () => {
    fake = await startFakeNtfy({ pathPrefix: '/ntfy' });
    const { channel } = await startedChannel({ url: fake.url.replace(/\/$/, '') });
    expect((await channel.notify(diskWarning)).status).toBe('delivered');
    expect(fake.posts()[0]!.path).toBe(`/${topic}`);
  });

  it('a server that is down fails at once with connection refused, and a hung one after the timeout', async () => {
    fake = await startFakeNtfy();
    const url = fake.url;
    await fake.close();
    const { channel: toClosed } = await startedChannel({ url, timeout: '2m' });
    expect(await toClosed.notify(diskWarning)).toEqual({
      status: 'failed',
      detail: `ntfy not reached: connection refused by ${new URL(url).host} (is the server running?)`,
    });

    fake = await startFakeNtfy();
    fake.stallPosts(true);
    const { channel: toHung } = await startedChannel({ url: fake.url, timeout: '1s' });
    expect(await toHung.notify(diskWarning)).toEqual({
      status: 'failed',
      detail: `ntfy not reached: no answer from ${new URL(fake.url).host} within 1s`,
    });
  });

  it('shows only the start of the topic in its health, since on an open server the topic is the secret', async () => {
    fake = await startFakeNtfy();
    const { channel, lines } = await startedChannel({ url: fake.url });
    expect(channel.health()).toEqual({ status: 'running', detail: `posts to ${fake.url}, topic nas...` });
    await channel.notify(diskWarning);
    expect(lines.join('\n')).not.toContain(topic);
  });
});
