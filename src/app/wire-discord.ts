/**
 * Binds the Discord channel's ports to the core, the policy runner and SQLite (part of main.ts's wiring).
 * Approval buttons resolve through core.resolveApproval, the one way into approvals; the config's
 * linked identities make a Discord user the same person as on another channel before anything runs.
 * The voice side (channels/discord/voice/) plugs in through `voice`: a factory that gets the channel's
 * discord.js client and the hooks (speaker allow-list and identity, posting into a text channel).
 */
import {
  createDiscordChannel,
  type DiscordChannel,
  type DiscordVoiceFactory,
} from '../../channels/discord/discord-channel.js';
import type { AuditSink, PendingApprovals } from '../../channels/discord/ports.js';
import type { Config } from '../config/schema.js';
import { buttonApprovals } from './button-approvals.js';
import type { Core } from '../core/turn.js';
import type { Logger } from '../log.js';
import type { Memory } from '../memory/memory.js';
import type { ToolRunner } from '../policy/tool-runner.js';

export interface DiscordWiringOptions {
  config: Config;
  core: Core;
  runner: ToolRunner;
  memory: Memory;
  log: Logger;
  voice?: DiscordVoiceFactory;
}

/** "telegram:12345" -> { channel: 'telegram', externalId: '12345' } (the schema checked the form). */
function parseIdentity(text: string): { channel: string; externalId: string } {
  const colon = text.indexOf(':');
  return { channel: text.slice(0, colon), externalId: text.slice(colon + 1) };
}

export function wireDiscord(wiring: DiscordWiringOptions): DiscordChannel {
  const { memory, runner, config } = wiring;
  for (const [userId, other] of Object.entries(config.channels.discord.linkedIdentities))
    memory.people.link({ channel: 'discord', externalId: userId }, parseIdentity(other));
  const personFor = (userId: string) => memory.people.resolve({ channel: 'discord', externalId: userId });
  const approvals = buttonApprovals(wiring.core);
  // An approver may decide anyone's request, so sees them all.
  const pendingFor: PendingApprovals = (userId) =>
    runner.pending(config.policy.approvers.includes(`discord:${userId}`) ? undefined : personFor(userId).id);
  const audit: AuditSink = {
    record: ({ kind, channel, detail }) =>
      memory.audit.record({ kind, channel, detail: JSON.stringify(detail), outcome: 'ignored' }),
  };
  return createDiscordChannel({
    config,
    core: wiring.core,
    approvals,
    pendingFor,
    kv: memory.kv,
    audit,
    log: wiring.log, // the channel narrows it to 'discord' itself
    voice: wiring.voice,
  });
}
