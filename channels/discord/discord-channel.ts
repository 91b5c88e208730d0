/**
 * The Discord channel: discord.js for the gateway, slash commands, buttons and REST (which also keeps
 * Discord's rate limits), the core for every answer. createDiscordChannel is the one entry; the voice
 * side plugs in through voice-port.ts and gets the client and the hooks it needs.
 */
import type { Client } from 'discord.js';
import type { DiscordConfig } from '../../src/config/discord-schema.js';
import type { Channel, ChannelHealth } from '../../src/core/channel.js';
import type { Core } from '../../src/core/turn.js';
import { ChannelError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import { pause } from '../../src/pause.js';
import { createAccessGate } from './access-gate.js';
import { createApprovalButtons } from './approval-buttons.js';
import { createDiscordClient, createLogIn } from './discord-client.js';
import { createRedactingLogger, createTokenRedactor } from './discord-errors.js';
import { routeEvents } from './event-routing.js';
import { watchGateway } from './gateway-health.js';
import { createGuildSetup } from './guild-setup.js';
import { notifyAlertChannel } from './notify-alerts.js';
import { createDiscordSettings } from './person-settings.js';
import type { ApprovalResolver, AuditSink, KeyValueStore, PendingApprovals } from './ports.js';
import { channelTarget } from './reply-target.js';
import { createTurnRunner } from './turn-runner.js';
import { createVoiceHooks } from './voice-hooks.js';
import type { DiscordVoice, DiscordVoiceHooks } from './voice-port.js';

/** Builds the voice side once the client and hooks exist (src/app/wire-discord.ts passes it). */
export type DiscordVoiceFactory = (parts: { client: Client; hooks: DiscordVoiceHooks }) => DiscordVoice;

export interface DiscordChannelOptions {
  config: { channels: { discord: DiscordConfig }; policy: { approvers: string[] } };
  core: Core;
  approvals: ApprovalResolver;
  pendingFor?: PendingApprovals;
  kv: KeyValueStore;
  audit: AuditSink;
  log: Logger;
  voice?: DiscordVoice | DiscordVoiceFactory;
  /** Test and tuning knobs; production uses the defaults. */
  discordOptions?: { clock?: () => number; typingIntervalMs?: number; readyTimeoutMs?: number };
}

export interface DiscordChannel extends Channel {
  readonly client: Client;
  readonly voiceHooks: DiscordVoiceHooks;
}

export function createDiscordChannel(options: DiscordChannelOptions): DiscordChannel {
  const config = options.config.channels.discord;
  const token = config.token;
  if (token === undefined)
    throw new ChannelError('discord', 'Discord token missing: set channels.discord.token or SYSVOX_DISCORD_TOKEN');
  const redact = createTokenRedactor(token);
  const log = createRedactingLogger(options.log.child('discord'), redact);
  const client = createDiscordClient({ apiRoot: config.apiRoot });
  // REST works before (and without) the gateway login: notify() from one-shot commands needs only this.
  client.rest.setToken(token);
  const gate = createAccessGate({ ...config, approvers: options.config.policy.approvers, audit: options.audit, log });
  const voiceHooks = createVoiceHooks({ client, gate });
  const voice = typeof options.voice === 'function' ? options.voice({ client, hooks: voiceHooks }) : options.voice;
  const settings = createDiscordSettings(options.kv, { speakInCall: config.voice.speakInCall });
  const approvals = createApprovalButtons({ resolver: options.approvals, log, clock: options.discordOptions?.clock });
  const target = (channelId: string) => channelTarget(client.rest, channelId);
  /** The server of the call sysvox joined (alerts are spoken there when /voice is on for it). */
  let callGuildId: string | undefined;
  let turns = new AbortController();
  const runner = createTurnRunner({
    core: options.core,
    approvals,
    log,
    typingIntervalMs: options.discordOptions?.typingIntervalMs,
    stopping: () => turns.signal,
    async speak(guildId, text) {
      if (!voice?.connected() || guildId === undefined || guildId !== callGuildId) return;
      if (settings.speaksInCall(guildId))
        await voice
          .speak(text)
          .catch((error: unknown) => log.warn('could not speak the answer in the call', { error }));
    },
  });
  const commandOptions = {
    runner,
    approvals,
    pendingFor: options.pendingFor ?? (() => []),
    settings,
    voice,
    configuredVoiceChannelId: config.voice.channelId,
    joined: (guildId: string | undefined) => void (callGuildId = guildId),
    log,
  };

  let health: ChannelHealth = { status: 'idle', detail: 'not started' };
  routeEvents(client, { gate, approvals, commands: commandOptions, runner, target, log });
  const guilds = createGuildSetup({
    client,
    config,
    kv: options.kv,
    log,
    voice,
    joined: (guildId) => void (callGuildId = guildId),
  });
  watchGateway(client, {
    log,
    health: () => health,
    setHealth: (next) => void (health = next),
  });

  const logIn = createLogIn(client, { token, redact, timeoutMs: options.discordOptions?.readyTimeoutMs });
  const logInAndRegister = async () => {
    health = { status: 'starting', detail: 'logging in to Discord' };
    await logIn().catch((error: unknown) => {
      const fatal = error instanceof ChannelError && !error.transient;
      health = fatal
        ? { status: 'failed', detail: error.message }
        : { status: 'starting', detail: 'Discord is unreachable; trying again' };
      throw error;
    });
    await guilds.afterLogin();
    const servers = client.guilds.cache.size;
    health = {
      status: 'running',
      detail: `connected as ${client.user?.tag ?? 'the bot'}, on ${servers} server${servers === 1 ? '' : 's'}`,
    };
    log.info('Discord channel started', { bot: client.user?.tag, servers, allowedUsers: config.allowedUserIds.length });
  };

  const stop = async () => {
    turns.abort();
    await voice?.stop().catch((error: unknown) => log.warn('the voice side did not stop cleanly', { error }));
    // destroy() never finishes while a shard still waits for READY (discord.js 14.28): do not hang the stop.
    const destroyed = new AbortController();
    await Promise.race([client.destroy().finally(() => destroyed.abort()), pause(5000, destroyed.signal)]);
    if (health.status !== 'failed') health = { status: 'stopped', detail: 'stopped' };
  };

  return {
    name: 'discord',
    client,
    voiceHooks,
    async start(signal) {
      if (health.status === 'running') return;
      if (turns.signal.aborted) turns = new AbortController();
      signal.addEventListener('abort', () => void stop(), { once: true });
      await logInAndRegister();
    },
    stop,
    health: () => {
      if (!voice || health.status !== 'running') return health;
      return { status: health.status, detail: `${health.detail}; voice: ${voice.health().detail}` };
    },
    notify: (notice) =>
      notifyAlertChannel(notice, {
        alertChannelId: config.alertChannelId,
        target,
        approvals,
        voice,
        speaksInCall: () => settings.speaksInCall(callGuildId),
        log,
      }),
  };
}
