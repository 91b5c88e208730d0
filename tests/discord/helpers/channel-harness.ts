/**
 * A real Discord channel (real discord.js) against the fake Discord, with a scripted core, an approval
 * resolver that refuses everything, an in-memory kv and audit, and a captured log: for what happens
 * before any turn (logging in, registering commands, failing to start), where the whole app adds nothing.
 */
import { createDiscordChannel, type DiscordChannel } from '../../../channels/discord/discord-channel.js';
import { createMemoryKeyValueStore, type KeyValueStore } from '../../../channels/discord/ports.js';
import type { DiscordVoice } from '../../../channels/discord/voice-port.js';
import { discordSchema } from '../../../src/config/discord-schema.js';
import type { Core } from '../../../src/core/turn.js';
import { createLogger } from '../../../src/log.js';
import { ids } from '../../fakes/discord-wire.js';
import { createScriptedCore, done } from '../../telegram/helpers/scripted-core.js';

export interface ChannelHarness {
  channel: DiscordChannel;
  kv: KeyValueStore;
  audits: { kind: string; detail: unknown }[];
  logLines: string[];
}

export function startChannelHarness(options: {
  apiRoot: string;
  token: string;
  core?: Core;
  kv?: KeyValueStore;
  voice?: DiscordVoice;
  discord?: Record<string, unknown>;
  readyTimeoutMs?: number;
}): ChannelHarness {
  const kv = options.kv ?? createMemoryKeyValueStore();
  const audits: ChannelHarness['audits'] = [];
  const logLines: string[] = [];
  const discord = discordSchema.parse({
    enabled: true,
    token: options.token,
    apiRoot: options.apiRoot,
    allowedUserIds: [ids.mason],
    allowedGuildIds: [ids.guild],
    allowedChannelIds: [ids.text],
    ...options.discord,
  });
  const channel = createDiscordChannel({
    config: { channels: { discord }, policy: { approvers: [] } },
    core: options.core ?? createScriptedCore(() => [done('CPU is at 3 percent.')]),
    approvals: { resolve: async () => ({ status: 'not-allowed', text: '' }) },
    kv,
    audit: { record: (entry) => void audits.push(entry) },
    log: createLogger({ level: 'debug', write: (line) => void logLines.push(line) }),
    voice: options.voice,
    discordOptions: { readyTimeoutMs: options.readyTimeoutMs ?? 5000 },
  });
  return { channel, kv, audits, logLines };
}
