/**
 * The Gotify channel against a fake Gotify server over a real socket: what Gotify receives for each
 * severity, how an offered action reads on a phone, and what a refused, unreachable or hung server
 * gives, with the application token never in a delivery or a log line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGotifyChannel } from '../../channels/gotify/gotify-channel.js';
import type { Channel } from '../../src/core/channel.js';
import { startFakeGotify, type FakeGotify } from '../fakes/fake-gotify.js';
import { header } from '../fakes/push-server.js';
import { backupInfo, capturingLog, diskWarning, gotifySettings, keepRunning, now, plexDown } from './push-fixtures.js';

let fake: FakeGotify | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function startedChannel(
  settings: Record<string, unknown>,
  others: { telegram?: boolean; voice?: boolean } = {},
): Promise<{ channel: Channel; lines: string[] }> {
  const { log, lines } = capturingLog();
  const channel = createGotifyChannel({
    config: {
      channels: { gotify: gotifySettings(settings), telegram: { enabled: others.telegram ?? false } },
      voice: { enabled: others.voice ?? false },
    },
    log,
    clock: () => now,
  });
  await channel.start(keepRunning);
  return { channel, lines };
}

describe('the Gotify channel', () => {
  it('posts each severity to /message with the application token and the priority Gotify documents for it', async () => {
    fake = await startFakeGotify();
    const { channel } = await startedChannel({ url: fake.url, token: fake.token });

    const deliveries = [
      await channel.notify(backupInfo),
      await channel.notify(diskWarning),
      await channel.notify({ ...diskWarning, severity: 'critical' }),
    ];

    expect(deliveries.map((delivery) => delivery.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(deliveries[1]!.detail).toBe(`posted to Gotify at ${fake.url} (message 2)`);
    const posts = fake.posts();
    expect(posts.map((post) => `${post.method} ${post.path}`)).toEqual(Array(3).fill('POST /message'));
    expect(header(posts[1]!, 'x-gotify-key')).toBe(fake.token);
    expect(header(posts[1]!, 'content-type')).toBe('application/json');
    expect(posts[1]!.body).toEqual({
      title: 'sysvox: warning',
      message: 'Warning: the disk on /mnt/tank is 93 percent full.',
      priority: 5,
      extras: { 'client::display': { contentType: 'text/plain' } },
    });
    expect(fake.messages().map(({ title, priority }) => ({ title, priority }))).toEqual([
      { title: 'sysvox: info', priority: 2 },
      { title: 'sysvox: warning', priority: 5 },
      { title: 'sysvox: critical', priority: 8 },
    ]);
  });

  it('uses the priorities from the config', async () => {
    fake = await startFakeGotify();
    const { channel } = await startedChannel({
      url: fake.url,
      token: fake.token,
      priorities: { info: 0, warning: 7, critical: 10 },
    });
    await channel.notify(backupInfo);
    await channel.notify(plexDown);
    expect(fake.messages().map((message) => message.priority)).toEqual([0, 10]);
  });

  it('turns an offered action into a line that says how to approve it, naming only the channels that are on', async () => {
    fake = await startFakeGotify();
    const { channel } = await startedChannel({ url: fake.url, token: fake.token }, { telegram: true, voice: true });
    await channel.notify(plexDown);
    expect(fake.messages()[0]!.message).toBe(
      'plex has been unhealthy for 5 minutes. Shall I restart it?\n\n' +
        "Offered: restart container 'plex' (expires in 10 minutes).\n" +
        'To approve, press Approve in Telegram, say "yes, restart plex", or run: sysvox approvals approve n1',
    );

    const { channel: alone } = await startedChannel({ url: fake.url, token: fake.token });
    await alone.notify(plexDown);
    expect(fake.messages()[1]!.message).toMatch(/\nTo approve, run: sysvox approvals approve n1$/);
  });

  it('works under a path prefix behind a reverse proxy, with or without the trailing slash', async () => {
    fake = await startFakeGotify({ pathPrefix: '/gotify' });
    expect(fake.url).toMatch(/\/gotify\/$/);
    for (const url of [fake.url, fake.url.replace(/\/$/, '')]) {
      const { channel } = await startedChannel({ url, token: fake.token });
      expect((await channel.notify(diskWarning)).status).toBe('delivered');
    }
    expect(fake.posts().map((post) => post.path)).toEqual(['/message', '/message']);
    expect(fake.messages()).toHaveLength(2);
  });

  it('a url that misses the path prefix fails with the proxy 404 and names channels.gotify.url', async () => {
    fake = await startFakeGotify({ pathPrefix: '/gotify' });
    const { channel } = await startedChannel({ url: fake.url.replace(/gotify\/$/, ''), token: fake.token });
    const delivery = await channel.notify(diskWarning);
    expect(delivery.status).toBe('failed');
    expect(delivery.detail).toMatch(
      /^Gotify refused the notice: 404 Not Found: 404 page not found; check channels\.gotify\.url/,
    );
  });

  it('a wrong token fails with Gotify own words and the fix, and the token is in no delivery or log line', async () => {
    fake = await startFakeGotify({ token: 'Arealtoken.9x7' });
    const planted = 'Aplanted-Gotify-token.42';
    const { channel, lines } = await startedChannel({ url: fake.url, token: planted });

    const delivery = await channel.notify(plexDown);

    expect(delivery).toEqual({
      status: 'failed',
      detail:
        'Gotify refused the notice: 401 Unauthorized: you need to provide a valid access token or user credentials to access this api; ' +
        "check channels.gotify.token or SYSVOX_GOTIFY_TOKEN: it must be an application token (Gotify's Apps page), not a client token",
    });
    expect(fake.messages()).toEqual([]);
    expect(lines.some((line) => line.includes('could not push a notice to gotify'))).toBe(true);
    expect(lines.join('\n')).not.toContain(planted);
  });

  it('a server that echoes the token in its error gets it masked in the delivery and the log', async () => {
    fake = await startFakeGotify();
    fake.answerNext({ status: 502, json: { error: `upstream refused X-Gotify-Key ${fake.token}` } });
    const { channel, lines } = await startedChannel({ url: fake.url, token: fake.token });

    const delivery = await channel.notify(diskWarning);

    expect(delivery).toEqual({
      status: 'failed',
      detail: 'Gotify refused the notice: 502 upstream refused X-Gotify-Key [REDACTED]',
    });
    expect(lines.join('\n')).toContain('[REDACTED]');
    expect(lines.join('\n')).not.toContain(fake.token);
  });

  it('a server that is down fails at once with connection refused, not after the timeout', async () => {
    fake = await startFakeGotify();
    const url = fake.url;
    await fake.close();
    fake = undefined;
    // A 2-minute timeout: were the refusal not recognised, the test would run into vitest's own limit.
    const { channel } = await startedChannel({ url, token: 'Asome-token', timeout: '2m' });
    const delivery = await channel.notify(diskWarning);
    expect(delivery.status).toBe('failed');
    expect(delivery.detail).toBe(
      `Gotify not reached: connection refused by ${new URL(url).host} (is the server running?)`,
    );
  });

  it('a server that takes the request and never answers fails once the timeout has passed', async () => {
    fake = await startFakeGotify();
    fake.stallPosts(true);
    const { channel } = await startedChannel({ url: fake.url, token: fake.token, timeout: '500ms' });
    const delivery = await channel.notify(diskWarning);
    expect(delivery).toEqual({
      status: 'failed',
      detail: `Gotify not reached: no answer from ${new URL(fake.url).host} within 500ms`,
    });
    expect(fake.posts()).toHaveLength(1);
  });

  it('says where it posts while running, skips notices when stopped, and refuses to start without a token', async () => {
    fake = await startFakeGotify();
    const { channel } = await startedChannel({ url: fake.url, token: fake.token });
    expect(channel.health()).toEqual({ status: 'running', detail: `posts to ${fake.url}` });
    await channel.stop();
    expect(await channel.notify(diskWarning)).toEqual({ status: 'skipped', detail: 'not running: stopped' });
    expect(fake.posts()).toEqual([]);

    const tokenless = createGotifyChannel({
      config: { channels: { gotify: { ...gotifySettings({ url: fake.url, token: 'x' }), token: undefined } } },
      log: capturingLog().log,
    });
    await expect(tokenless.start(keepRunning)).rejects.toThrow(/channels\.gotify\.token or SYSVOX_GOTIFY_TOKEN/);
    expect(tokenless.health().status).toBe('failed');
  });
});
