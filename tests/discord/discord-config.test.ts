/**
 * The Discord config section: ids as quoted strings (a number would name someone else), unknown keys
 * refused, the token from SYSVOX_DISCORD_TOKEN and never in plain sight, and the voice options the
 * voice side reads. Also the pure text helpers: the mention taken out of a question, the 2,000 limit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { questionOf } from '../../channels/discord/message-handler.js';
import { discordMessageLimit, formatReply } from '../../channels/discord/reply-text.js';
import { loadConfig } from '../../src/config/load.js';
import { maskSecrets } from '../../src/config/mask.js';
import { ConfigError } from '../../src/errors.js';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function load(yaml: string, env: NodeJS.ProcessEnv = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-discord-config-'));
  folders.push(folder);
  const path = join(folder, 'sysvox.yaml');
  writeFileSync(path, yaml);
  return loadConfig({ path, env });
}

function refusal(yaml: string): string {
  try {
    load(yaml);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected the config to be refused');
}

describe('channels.discord', () => {
  it('has defaults that answer nobody, and voice options for the voice side', () => {
    const { discord } = load('channels: {}\n').config.channels;
    expect(discord).toMatchObject({
      enabled: false,
      allowedUserIds: [],
      allowedGuildIds: [],
      allowedChannelIds: [],
      apiRoot: 'https://discord.com/api',
      voice: { wakeWordRequired: true, leaveWhenAloneMinutes: 5, speakInCall: true },
    });
  });

  it('refuses an id written as a number, saying to quote it', () => {
    expect(refusal('channels:\n  discord:\n    allowedUserIds: [290926798626357999]\n')).toContain(
      'write Discord ids in quotes, like "290926798626357999": they are too long for a number',
    );
    expect(refusal("channels:\n  discord:\n    alertChannelId: 'general'\n")).toContain(
      'a Discord id has 17 to 20 digits',
    );
  });

  it('refuses an unknown setting by name', () => {
    expect(refusal('channels:\n  discord:\n    allowedRoles: []\n')).toContain(
      'unknown key channels.discord.allowedRoles',
    );
    expect(refusal('channels:\n  discord:\n    voice:\n      wakeword: false\n')).toContain(
      'unknown key channels.discord.voice.wakeword',
    );
  });

  it('takes the token from SYSVOX_DISCORD_TOKEN and says where it came from', () => {
    const loaded = load("channels:\n  discord:\n    enabled: true\n    allowedUserIds: ['53908232506183680']\n", {
      SYSVOX_DISCORD_TOKEN: 'ODAzNTExMTAyMjQ2Nzg5MTI.GfakeT.from-the-environment-0123456789',
    });
    expect(loaded.config.channels.discord.token).toBe('ODAzNTExMTAyMjQ2Nzg5MTI.GfakeT.from-the-environment-0123456789');
    expect(loaded.fromEnv['channels.discord.token']).toBe('SYSVOX_DISCORD_TOKEN');
    // `sysvox config check` shows the effective config with secrets masked.
    expect(JSON.stringify(maskSecrets(loaded.config))).not.toContain('from-the-environment');
  });

  it('links a Discord user to another channel\'s identity, in the "channel:id" form', () => {
    const { discord } = load("channels:\n  discord:\n    linkedIdentities: { '53908232506183680': 'telegram:111' }\n")
      .config.channels;
    expect(discord.linkedIdentities).toEqual({ '53908232506183680': 'telegram:111' });
    expect(refusal("channels:\n  discord:\n    linkedIdentities: { '53908232506183680': '111' }\n")).toContain(
      'use "channel:id"',
    );
  });
});

describe('Discord text', () => {
  it("takes the bot's mention (either form) out of the question", () => {
    expect(questionOf('<@80351110224678912> is plex healthy?', '80351110224678912')).toBe('is plex healthy?');
    expect(questionOf('hey <@!80351110224678912>, status', '80351110224678912')).toBe('hey , status');
    expect(questionOf('<@80351110224678912>', '80351110224678912')).toBe('');
  });

  it('shows markdown from tool output as written and keeps every message within 2,000 characters', () => {
    expect(formatReply('disk *full* at /mnt/_data')).toEqual(['disk \\*full\\* at /mnt/\\_data']);
    const long = Array.from({ length: 300 }, (_, index) => `line ${index} has a_b in it`).join('\n');
    const parts = formatReply(long);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(discordMessageLimit);
    expect(parts.join('\n').replaceAll('\\_', '_')).toBe(long);
  });
});
