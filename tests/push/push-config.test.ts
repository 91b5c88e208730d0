/**
 * The channels.gotify and channels.ntfy sections as an operator meets them through the real loader:
 * defaults, tokens from the environment, masked tokens, and a clear error for each mistake, naming the
 * key (and the environment variable that could set it) without ever printing the token.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { maskSecrets } from '../../src/config/mask.js';
import { ConfigError } from '../../src/errors.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sysvox-push-config-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function load(lines: string[], env: Record<string, string> = {}) {
  const path = join(folder, 'sysvox.yaml');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return loadConfig({ env, cwd: folder, path });
}

function loadError(lines: string[], env: Record<string, string> = {}): string {
  try {
    load(lines, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected the config to be refused');
}

describe('push channel settings', () => {
  it('are off by default, with Gotify and ntfy priorities that follow their documented meaning', () => {
    const { gotify, ntfy } = loadConfig({ env: {}, cwd: folder }).config.channels;
    expect(gotify).toEqual({ enabled: false, priorities: { info: 2, warning: 5, critical: 8 }, timeout: 10_000 });
    expect(ntfy).toEqual({
      enabled: false,
      url: 'https://ntfy.sh',
      priorities: { info: 3, warning: 4, critical: 5 },
      timeout: 10_000,
    });
  });

  it('take the tokens from SYSVOX_GOTIFY_TOKEN and SYSVOX_NTFY_TOKEN, and config check masks tokens and the topic', () => {
    const loaded = load(
      [
        'channels:',
        '  gotify: { enabled: true, url: "https://example.org/gotify/" }',
        '  ntfy: { enabled: true, topic: nas-alerts-7f3k, priorities: { warning: high } }',
      ],
      { SYSVOX_GOTIFY_TOKEN: 'Agotify-env-token.1', SYSVOX_NTFY_TOKEN: 'tk_ntfyenvtoken000000000000000' },
    );
    expect(loaded.config.channels.gotify.token).toBe('Agotify-env-token.1');
    expect(loaded.config.channels.ntfy.token).toBe('tk_ntfyenvtoken000000000000000');
    expect(loaded.config.channels.ntfy.priorities.warning).toBe(4);
    expect(loaded.fromEnv).toMatchObject({
      'channels.gotify.token': 'SYSVOX_GOTIFY_TOKEN',
      'channels.ntfy.token': 'SYSVOX_NTFY_TOKEN',
    });
    const masked = JSON.stringify(maskSecrets(loaded.config));
    for (const secret of ['Agotify-env-token.1', 'tk_ntfyenvtoken000000000000000', 'nas-alerts-7f3k'])
      expect(masked).not.toContain(secret);
  });

  it('refuse an enabled Gotify without a token or an address, naming the key, the environment variable and the credential', () => {
    const message = loadError(['channels:', '  gotify: { enabled: true }']);
    expect(message).toContain('channels.gotify.token: Gotify is enabled but has no application token');
    expect(message).toContain('(or set SYSVOX_GOTIFY_TOKEN, or give the service the systemd credential gotify-token)');
    expect(message).toContain('channels.gotify.url: Gotify is enabled but has no server address');
  });

  it('refuse an enabled ntfy without a topic', () => {
    expect(loadError(['channels:', '  ntfy: { enabled: true }'])).toContain(
      'channels.ntfy.topic: ntfy is enabled but has no topic',
    );
  });

  it('refuse a topic ntfy would refuse: bad characters, too long, or a name ntfy keeps for itself', () => {
    for (const topic of ['my alerts', 'alerts/nas', 'x'.repeat(65)])
      expect(loadError(['channels:', `  ntfy: { enabled: true, topic: "${topic}" }`])).toContain(
        'channels.ntfy.topic: must be 1 to 64 letters, digits, dashes or underscores',
      );
    expect(loadError(['channels:', '  ntfy: { topic: v1 }'])).toContain(
      'channels.ntfy.topic: is a name ntfy keeps for itself',
    );
  });

  it('refuse priorities outside each server range', () => {
    expect(loadError(['channels:', '  gotify: { priorities: { critical: 11 } }'])).toContain(
      'channels.gotify.priorities.critical: must be from 0 to 10 (Gotify priorities)',
    );
    expect(loadError(['channels:', '  gotify: { priorities: { info: 2.5 } }'])).toContain(
      'channels.gotify.priorities.info: must be a whole number from 0 to 10',
    );
    for (const priority of ['6', '0', 'loud'])
      expect(loadError(['channels:', `  ntfy: { priorities: { warning: ${priority} } }`])).toContain(
        'channels.ntfy.priorities.warning: must be 1 to 5 or one of min, low, default, high, urgent',
      );
  });

  it('refuse a server address with a password in it, without printing the password', () => {
    const message = loadError(['channels:', '  gotify: { url: "https://admin:hunter2pw@gotify.example.org" }']);
    expect(message).toContain('channels.gotify.url: must not hold a user or password');
    expect(message).not.toContain('hunter2pw');
    expect(loadError(['channels:', '  ntfy: { url: "ftp://ntfy.example.org" }'])).toContain(
      'channels.ntfy.url: must be an http:// or https:// URL',
    );
  });

  it('refuse an unknown key with the nearest valid one', () => {
    expect(loadError(['channels:', '  ntfy: { topc: nas-alerts }'])).toContain('unknown key channels.ntfy.topc in');
    expect(loadError(['channels:', '  ntfy: { topc: nas-alerts }'])).toContain('did you mean channels.ntfy.topic?');
  });
});
