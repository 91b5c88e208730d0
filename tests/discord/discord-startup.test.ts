/**
 * Starting the Discord channel the way the app starts every channel (startChannels: keepStarting):
 * a rejected token is fatal, said once with its fix and never retried; Discord out of reach is
 * transient and retried; the token never reaches a log line; commands are registered again only when
 * their definitions changed; doctor's probe says the same.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { definitionsHash } from '../../channels/discord/slash-commands.js';
import { probeDiscord } from '../../channels/discord/discord-probe.js';
import { unauthorizedMessage } from '../../channels/discord/discord-errors.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChannels } from '../../src/app/channels.js';
import { runDoctor } from '../../src/app/doctor.js';
import { loadConfig } from '../../src/config/load.js';
import { discordSchema } from '../../src/config/discord-schema.js';
import { createLogger } from '../../src/log.js';
import { closedPortUrl } from '../core/core-test-app.js';
import { ids } from '../fakes/discord-wire.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';
import { startChannelHarness, type ChannelHarness } from './helpers/channel-harness.js';

const wrongToken = 'ODAzNTExMTAyMjQ2Nzg5MTI.GwronG.this-token-was-reset-in-the-developer-portal';
let fake: FakeDiscord | undefined;
let harness: ChannelHarness | undefined;
afterEach(async () => {
  await harness?.channel.stop();
  await fake?.close();
  harness = undefined;
  fake = undefined;
});

const appLog = (lines: string[]) => createLogger({ level: 'debug', write: (line) => void lines.push(line) });

describe('starting the Discord channel', () => {
  it('a rejected token (401) is fatal: logged once with the fix, not retried, never logged itself', async () => {
    fake = await startFakeDiscord();
    harness = startChannelHarness({ apiRoot: fake.apiRoot, token: wrongToken });
    const lines: string[] = [];
    const retries: string[] = [];
    const started = await startChannels([harness.channel], {
      signal: new AbortController().signal,
      log: appLog(lines),
      backoff: { initialDelayMs: 10, maxDelayMs: 20 },
      onRetry: (channel) => retries.push(channel.name),
    });
    expect(started).toEqual([false]);
    expect(retries).toEqual([]);
    expect(harness.channel.health()).toEqual({ status: 'failed', detail: unauthorizedMessage });
    expect(unauthorizedMessage).toBe(
      'Discord rejected the bot token (401): check channels.discord.token, SYSVOX_DISCORD_TOKEN or the discord-token credential (Developer Portal > Bot > Reset Token)',
    );
    const failures = lines.filter((line) => line.includes('discord channel not started'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(unauthorizedMessage);
    expect(fake.callsTo('GET', /^\/gateway\/bot$/)).toHaveLength(1);
    expect(fake.gatewayReceived).toEqual([]);
    expect([...lines, ...harness.logLines].join('\n')).not.toContain(wrongToken);
  });

  it('Discord out of reach is transient: retried with backoff, and says so in its health', async () => {
    harness = startChannelHarness({ apiRoot: `${await closedPortUrl()}/api`, token: wrongToken });
    const stop = new AbortController();
    const retries: string[] = [];
    const lines: string[] = [];
    const healthWhileRetrying: unknown[] = [];
    const starting = startChannels([harness.channel], {
      signal: stop.signal,
      log: appLog(lines),
      backoff: { initialDelayMs: 10, maxDelayMs: 20 },
      onRetry: (channel) => {
        retries.push(channel.name);
        healthWhileRetrying.push(channel.health());
        if (retries.length === 2) stop.abort();
      },
    });
    expect(await starting).toEqual([false]);
    expect(retries).toEqual(['discord', 'discord']);
    expect(healthWhileRetrying[0]).toEqual({ status: 'starting', detail: 'Discord is unreachable; trying again' });
    expect(lines.some((line) => line.includes('discord channel could not start yet; trying again'))).toBe(true);
    expect(lines.join('\n')).not.toContain(wrongToken);
  });

  it('a gateway that is late with READY is transient; alerts still go out meanwhile, and the retry waits for the same login', async () => {
    fake = await startFakeDiscord({ withholdReady: true });
    const alerts = '645027906669510668';
    harness = startChannelHarness({
      apiRoot: fake.apiRoot,
      token: fake.token,
      readyTimeoutMs: 300,
      discord: { alertChannelId: alerts },
    });
    const failure = await harness.channel.start(new AbortController().signal).catch((error: unknown) => error);
    expect(failure).toMatchObject({ transient: true });
    expect(harness.channel.health().status).toBe('starting');
    const notice = { key: 'alert:disk:/', severity: 'critical' as const, text: 'The root disk is full.' };
    expect((await harness.channel.notify(notice)).status).toBe('delivered');
    expect(fake.textsIn(alerts)).toEqual(['The root disk is full.']);
    // discord.js kept the login going; the next try (keepStarting's retry) waits for it, not a second one.
    fake.releaseReady();
    await harness.channel.start(new AbortController().signal);
    expect(harness.channel.health().status).toBe('running');
    expect(fake.gatewayReceived.filter((payload) => payload.op === 2)).toHaveLength(1);
  });

  it('registers the commands only when their definitions changed', async () => {
    fake = await startFakeDiscord();
    harness = startChannelHarness({ apiRoot: fake.apiRoot, token: fake.token });
    const puts = () => fake!.callsTo('PUT', /\/commands$/).length;
    await harness.channel.start(new AbortController().signal);
    expect(puts()).toBe(1);
    expect(harness.kv.get(`discord.commands.${ids.guild}`)).toBe(definitionsHash(ids.application));
    await harness.channel.stop();

    const again = startChannelHarness({ apiRoot: fake.apiRoot, token: fake.token, kv: harness.kv });
    await again.channel.start(new AbortController().signal);
    expect(puts()).toBe(1);
    await again.channel.stop();

    // What an older sysvox registered: a different set of definitions.
    harness.kv.set(
      `discord.commands.${ids.guild}`,
      definitionsHash(ids.application, [{ name: 'status', description: 'old' }]),
    );
    harness = startChannelHarness({ apiRoot: fake.apiRoot, token: fake.token, kv: harness.kv });
    await harness.channel.start(new AbortController().signal);
    expect(puts()).toBe(2);
  });

  it('registers nothing on a server that is not allow-listed', async () => {
    fake = await startFakeDiscord();
    harness = startChannelHarness({ apiRoot: fake.apiRoot, token: fake.token, discord: { allowedGuildIds: [] } });
    await harness.channel.start(new AbortController().signal);
    expect(fake.callsTo('PUT', /\/commands$/)).toEqual([]);
  });
});

describe('doctor', () => {
  it('says whether the token works and whether anyone may talk to the bot', async () => {
    fake = await startFakeDiscord();
    const config = (overrides: Record<string, unknown>) =>
      discordSchema.parse({ enabled: true, apiRoot: fake!.apiRoot, token: fake!.token, ...overrides });
    expect(await probeDiscord(config({ token: wrongToken }))).toEqual({
      name: 'discord',
      status: 'fail',
      detail: unauthorizedMessage,
      fix: 'check channels.discord.token, SYSVOX_DISCORD_TOKEN or the discord-token credential',
    });
    const nobody = await probeDiscord(config({}));
    expect(nobody, JSON.stringify(nobody)).toMatchObject({
      status: 'warn',
      detail: 'the token works (sysvox) but no one is allowed to talk to the bot',
    });
    const ready = await probeDiscord(
      config({ allowedUserIds: [ids.mason], allowedGuildIds: [ids.guild], allowedChannelIds: [ids.text] }),
    );
    expect(ready).toEqual({
      name: 'discord',
      status: 'ok',
      detail: 'the token works (sysvox); 1 allowed user, 1 server(s), no alert channel',
    });
    const down = await probeDiscord(config({ apiRoot: `${await closedPortUrl()}/api` }), { timeoutMs: 3000 });
    expect(down.status).toBe('fail');
    expect(down.fix).toContain('discord.com');
  });

  it('is a line of `sysvox doctor` when Discord is enabled, with the token from the environment', async () => {
    fake = await startFakeDiscord();
    const folder = mkdtempSync(join(tmpdir(), 'sysvox-discord-doctor-'));
    try {
      const path = join(folder, 'sysvox.yaml');
      writeFileSync(path, `channels:\n  discord: { enabled: true, apiRoot: "${fake.apiRoot}" }\n`);
      const loaded = loadConfig({ env: { SYSVOX_DISCORD_TOKEN: wrongToken }, cwd: folder, path });
      const probes = await runDoctor({
        loaded,
        dataDir: { dir: folder, databasePath: join(folder, 'sysvox.db'), source: 'config' },
        docker: { listContainerNames: async () => [] },
        brain: { probe: async () => ({ name: 'ollama', status: 'ok', detail: 'stand-in' }) },
      });
      expect(probes.find((probe) => probe.name === 'discord')).toMatchObject({
        status: 'fail',
        detail: unauthorizedMessage,
      });
      expect(JSON.stringify(probes)).not.toContain(wrongToken);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
