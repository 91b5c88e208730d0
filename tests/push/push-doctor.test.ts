/**
 * `sysvox doctor` covers the enabled push channels, against fake Gotify and ntfy servers over real
 * sockets: is the server up, does it accept the token, and the fix when not. Checking never sends a
 * notification: the fakes must have created no message afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { probeGotify } from '../../channels/gotify/gotify-probe.js';
import { probeNtfy } from '../../channels/ntfy/ntfy-probe.js';
import { runDoctor } from '../../src/app/doctor.js';
import { loadConfig } from '../../src/config/load.js';
import { startFakeGotify, type FakeGotify } from '../fakes/fake-gotify.js';
import { startFakeNtfy, type FakeNtfy } from '../fakes/fake-ntfy.js';
import { gotifySettings, ntfySettings } from './push-fixtures.js';

const ntfyToken = 'tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2';
let gotify: FakeGotify | undefined;
let ntfy: FakeNtfy | undefined;
let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sysvox-push-doctor-'));
});
afterEach(async () => {
  await gotify?.close();
  await ntfy?.close();
  gotify = ntfy = undefined;
  rmSync(folder, { recursive: true, force: true });
});

describe('sysvox doctor and the push channels', () => {
  it('lists a line for each enabled push channel, checked without sending anything', async () => {
    gotify = await startFakeGotify({ pathPrefix: '/gotify' });
    ntfy = await startFakeNtfy({ token: ntfyToken, username: 'sysvox' });
    const path = join(folder, 'sysvox.yaml');
    writeFileSync(
      path,
      [
        'channels:',
        `  gotify: { enabled: true, url: "${gotify.url}" }`,
        `  ntfy: { enabled: true, url: "${ntfy.url}", topic: nas-alerts-7f3k }`,
      ].join('\n'),
    );
    const loaded = loadConfig({
      env: { SYSVOX_GOTIFY_TOKEN: gotify.token, SYSVOX_NTFY_TOKEN: ntfyToken },
      cwd: folder,
      path,
    });

    const probes = await runDoctor({
      loaded,
      dataDir: { dir: folder, databasePath: join(folder, 'sysvox.db'), source: 'config' },
      docker: { listContainerNames: async () => [] },
      brain: { probe: async () => ({ name: 'ollama', status: 'ok', detail: 'stand-in' }) },
    });

    expect(probes.filter((probe) => probe.name === 'gotify' || probe.name === 'ntfy')).toEqual([
      { name: 'gotify', status: 'ok', detail: `${gotify.url} is healthy and accepts the application token` },
      { name: 'ntfy', status: 'ok', detail: `${ntfy.url} is healthy and accepts the token (user sysvox)` },
    ]);
    expect(gotify.messages()).toEqual([]);
    expect(ntfy.messages()).toEqual([]);
    expect(JSON.stringify(probes)).not.toContain(gotify.token);
    expect(JSON.stringify(probes)).not.toContain(ntfyToken);
  });

  it('leaves out push channels that are not enabled', async () => {
    const probes = await runDoctor({
      loaded: loadConfig({ env: {}, cwd: folder }),
      dataDir: { dir: folder, databasePath: join(folder, 'sysvox.db'), source: 'config' },
      docker: { listContainerNames: async () => [] },
      brain: { probe: async () => ({ name: 'ollama', status: 'ok', detail: 'stand-in' }) },
    });
    expect(probes.map((probe) => probe.name)).not.toContain('gotify');
    expect(probes.map((probe) => probe.name)).not.toContain('ntfy');
  });

  it('Gotify: a wrong application token fails with the fix, without the token', async () => {
    gotify = await startFakeGotify();
    const planted = 'Aplanted-doctor-token.7';
    const probe = await probeGotify(gotifySettings({ url: gotify.url, token: planted }));
    expect(probe).toEqual({
      name: 'gotify',
      status: 'fail',
      detail: `${gotify.url} is healthy but refused the application token (401 Unauthorized: you need to provide a valid access token or user credentials to access this api)`,
      fix: "check channels.gotify.token or SYSVOX_GOTIFY_TOKEN: it must be an application token (Gotify's Apps page), not a client token",
    });
    expect(JSON.stringify(probe)).not.toContain(planted);
    expect(gotify.messages()).toEqual([]);
  });

  it('Gotify: a server whose database is down fails, and one that is not running fails', async () => {
    gotify = await startFakeGotify();
    gotify.setDatabaseDown(true);
    const degraded = await probeGotify(gotifySettings({ url: gotify.url, token: gotify.token }));
    expect(degraded).toEqual({
      name: 'gotify',
      status: 'fail',
      detail: `${gotify.url} answers but reports health orange, database red`,
      fix: "look at the Gotify server's own log: it cannot reach its database, so it cannot store messages",
    });

    const url = gotify.url;
    await gotify.close();
    gotify = undefined;
    expect(await probeGotify(gotifySettings({ url, token: 'Aany-token' }))).toEqual({
      name: 'gotify',
      status: 'fail',
      detail: `${url}: connection refused by ${new URL(url).host} (is the server running?)`,
      fix: 'start Gotify, or correct channels.gotify.url',
    });
  });

  it('ntfy: healthy without a token, a wrong token fails, and a server without access control ignores the token', async () => {
    ntfy = await startFakeNtfy({ token: ntfyToken });
    expect(await probeNtfy(ntfySettings({ url: ntfy.url, topic: 'nas-alerts' }))).toEqual({
      name: 'ntfy',
      status: 'ok',
      detail: `${ntfy.url} is healthy; no token (an open topic)`,
    });
    const planted = 'tk_planteddoctortoken00000000000';
    const refused = await probeNtfy(ntfySettings({ url: ntfy.url, topic: 'nas-alerts', token: planted }));
    expect(refused).toEqual({
      name: 'ntfy',
      status: 'fail',
      detail: `${ntfy.url} is healthy but refused the token (401 unauthorized)`,
      fix: 'check channels.ntfy.token or SYSVOX_NTFY_TOKEN (ntfy token list shows the valid ones)',
    });
    expect(JSON.stringify(refused)).not.toContain(planted);
    await ntfy.close();

    ntfy = await startFakeNtfy();
    expect(await probeNtfy(ntfySettings({ url: ntfy.url, topic: 'nas-alerts', token: planted }))).toEqual({
      name: 'ntfy',
      status: 'ok',
      detail: `${ntfy.url} is healthy; it has no access control, so the token is not used`,
    });
    expect(ntfy.messages()).toEqual([]);
  });

  it('ntfy: a server that is not running fails with the fix', async () => {
    ntfy = await startFakeNtfy();
    const url = ntfy.url;
    await ntfy.close();
    ntfy = undefined;
    expect(await probeNtfy(ntfySettings({ url, topic: 'nas-alerts' }))).toEqual({
      name: 'ntfy',
      status: 'fail',
      detail: `${url}: connection refused by ${new URL(url).host} (is the server running?)`,
      fix: 'start ntfy, or correct channels.ntfy.url',
    });
  });
});
