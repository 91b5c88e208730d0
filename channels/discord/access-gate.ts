/**
 * Who may talk to sysvox on Discord, and where. A person: an allow-listed user id; an approver
 * ("discord:<id>" in policy.approvers) may also press approval buttons (the policy then decides what
 * the press does). A place: a DM, or an allow-listed text channel of an allow-listed server (everyone
 * there reads the answers); buttons also work in the alert channel, where notices were sent on purpose.
 * Everyone and everywhere else gets nothing at all; each refusal is audited and logged at most once per
 * hour per user or place, so a flood cannot fill the logs.
 */
import type { Logger } from '../../src/log.js';
import type { AuditSink } from './ports.js';

export type DiscordInputKind = 'message' | 'command' | 'button';

export interface DiscordAccessRequest {
  userId: string;
  /** Undefined in a DM. */
  guildId: string | undefined;
  channelId: string | undefined;
  kind: DiscordInputKind;
}

export interface AccessGate {
  /** True when the input may be handled; false means: drop it silently (it was audited). */
  admit(request: DiscordAccessRequest): boolean;
  /** Whether a user may speak to sysvox in a call on this server (the voice side asks); refusals audited the same way. */
  admitSpeaker(userId: string, guildId: string): boolean;
}

export interface AccessGateOptions {
  allowedUserIds: readonly string[];
  allowedGuildIds: readonly string[];
  allowedChannelIds: readonly string[];
  alertChannelId?: string;
  /** policy.approvers; only the "discord:" entries matter here. */
  approvers: readonly string[];
  audit: AuditSink;
  log: Logger;
  clock?: () => number;
  reportEveryMs?: number;
}

export function createAccessGate(options: AccessGateOptions): AccessGate {
  const users = new Set(options.allowedUserIds);
  const guilds = new Set(options.allowedGuildIds);
  const channels = new Set(options.allowedChannelIds);
  const approvers = new Set(
    options.approvers.filter((entry) => entry.startsWith('discord:')).map((entry) => entry.slice('discord:'.length)),
  );
  const clock = options.clock ?? Date.now;
  const reportEveryMs = options.reportEveryMs ?? 60 * 60 * 1000;
  const lastReported = new Map<string, number>();

  const refuse = (key: string, kind: string, request: Record<string, unknown>, message: string): false => {
    const now = clock();
    const previous = lastReported.get(key);
    if (previous !== undefined && now - previous < reportEveryMs) return false;
    lastReported.set(key, now);
    options.audit.record({ kind, channel: 'discord', detail: request });
    options.log.warn(message, request);
    return false;
  };

  const placeAdmitted = ({ guildId, channelId, kind }: DiscordAccessRequest) =>
    guildId === undefined ||
    (guilds.has(guildId) &&
      channelId !== undefined &&
      (channels.has(channelId) || (kind === 'button' && channelId === options.alertChannelId)));

  return {
    admit(request) {
      const person = users.has(request.userId) || (request.kind === 'button' && approvers.has(request.userId));
      if (!person)
        return refuse(
          `user:${request.userId}`,
          'discord-stranger',
          { ...request },
          'ignored a Discord user who is not allow-listed (channels.discord.allowedUserIds)',
        );
      if (placeAdmitted(request)) return true;
      return refuse(
        `place:${request.guildId ?? ''}:${request.channelId ?? ''}`,
        'discord-place-not-allowed',
        { ...request },
        'ignored a Discord server or channel that is not allow-listed: add it to channels.discord.allowedGuildIds and allowedChannelIds to answer there',
      );
    },
    admitSpeaker(userId, guildId) {
      const request = { userId, guildId, kind: 'voice' };
      if (!users.has(userId))
        return refuse(
          `user:${userId}`,
          'discord-stranger',
          request,
          'ignored a Discord speaker who is not allow-listed',
        );
      if (guilds.has(guildId)) return true;
      return refuse(
        `place:${guildId}:voice`,
        'discord-place-not-allowed',
        request,
        'ignored a call on a server that is not allow-listed',
      );
    },
  };
}
