import { z } from 'zod';
import { durationMs, durationSeconds, httpUrl, nonBlankName } from './limits.js';
import { alertsSchema } from './alerts-schema.js';
import { discordSchema } from './discord-schema.js';
import { gotifySchema } from './gotify-schema.js';
import { servicesSchema, storageSchema } from './host-health-schema.js';
import { hostsSchema } from './hosts-schema.js';
import { metricsSchema } from './metrics-schema.js';
import { ntfySchema } from './ntfy-schema.js';
import { telegramSchema } from './telegram-schema.js';
import { voiceSchema } from './voice-schema.js';

const risk = z.enum(['safe', 'confirm', 'blocked']);

export const configSchema = z.object({
  /** Where SQLite lives. Default: $SYSVOX_DATA, else ./data in a checkout, else /var/lib/sysvox. */
  dataDir: z.string().min(1).optional(),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Markdown notes per host (local.md, nas.md ...) added to the brain's prompt. */
  contextDir: z.string().min(1).optional(),
  ollama: z
    .object({
      host: httpUrl().default('http://127.0.0.1:11434'),
      model: nonBlankName().default('qwen2.5:7b'),
      numCtx: z.number().int().min(512).default(8192),
      keepAlive: z.union([z.string(), z.number()]).default('30m'),
      requestTimeoutMs: durationMs().default(60_000),
      /** Time allowed before the first streamed token; a cold model load can take this long. */
      firstTokenTimeoutMs: durationMs().default(30_000),
      maxToolSteps: z.number().int().min(1).max(20).default(6),
      historyMessages: z.number().int().min(0).max(100).default(12),
    })
    .prefault({}),
  docker: z
    .object({
      /** Socket path; DOCKER_HOST wins when set, as in every Docker tool. */
      socketPath: z.string().min(1).default('/var/run/docker.sock'),
      logLines: z.number().int().min(1).max(2000).default(50),
      logBytes: z.number().int().min(256).max(1_000_000).default(16_000),
    })
    .prefault({}),
  system: z
    .object({
      sampleIntervalMs: durationMs(250).default(2000),
    })
    .prefault({}),
  tools: z
    .object({
      /** Per-tool tier: may tighten (safe -> confirm -> blocked), never loosen. */
      risk: z.record(z.string(), risk).default({}),
      outputBudgetChars: z.number().int().min(200).default(4000),
    })
    .prefault({}),
  policy: z
    .object({
      approvalTtlSeconds: durationSeconds(10).default(300),
      /** People who may approve anyone's request, as "channel:id" (e.g. "telegram:12345"). */
      approvers: z.array(z.string().regex(/^[a-z]+:.+$/, 'use "channel:id", e.g. "telegram:12345"')).default([]),
      /** Brain turns per person per minute; the router is exempt. */
      brainTurnsPerMinute: z.number().int().min(1).default(10),
    })
    .prefault({}),
  /** Other servers reached over SSH with pinned host keys (src/config/hosts-schema.ts). */
  hosts: hostsSchema,
  voice: voiceSchema,
  /** systemd services and the journal; SMART, ZFS and mdadm (src/config/host-health-schema.ts). */
  services: servicesSchema,
  storage: storageSchema,
  alerts: alertsSchema,
  /** Prometheus /metrics and /healthz on loopback; off by default (src/config/metrics-schema.ts). */
  metrics: metricsSchema,
  channels: z
    .object({
      telegram: telegramSchema,
      discord: discordSchema,
      gotify: gotifySchema,
      ntfy: ntfySchema,
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;

/** Keys whose values are secrets: masked by `sysvox config check`, never logged. */
export const secretKeys = [
  'channels.telegram.token',
  'channels.discord.token',
  'channels.gotify.token',
  'channels.ntfy.token',
  // On a server without access control, whoever knows the topic reads the alerts.
  'channels.ntfy.topic',
  'voice.wake.porcupine.accessKey',
] as const;

/**
 * Secrets the service reads from systemd credentials (LoadCredential= in systemd/sysvox.service): the
 * file $CREDENTIALS_DIRECTORY/<name>, trimmed. They override the config file; the environment overrides them.
 */
export const credentialFiles: Record<string, (typeof secretKeys)[number]> = {
  'telegram-token': 'channels.telegram.token',
  'discord-token': 'channels.discord.token',
  'gotify-token': 'channels.gotify.token',
  'ntfy-token': 'channels.ntfy.token',
  'ntfy-topic': 'channels.ntfy.topic',
  'porcupine-access-key': 'voice.wake.porcupine.accessKey',
};

/** Environment variables that override config keys (secrets belong here, not in the file). */
export const envOverrides: Record<string, string> = {
  SYSVOX_TELEGRAM_TOKEN: 'channels.telegram.token',
  SYSVOX_DISCORD_TOKEN: 'channels.discord.token',
  SYSVOX_GOTIFY_TOKEN: 'channels.gotify.token',
  SYSVOX_NTFY_TOKEN: 'channels.ntfy.token',
  SYSVOX_OLLAMA_HOST: 'ollama.host',
  SYSVOX_OLLAMA_MODEL: 'ollama.model',
  SYSVOX_DATA: 'dataDir',
  SYSVOX_LOG_LEVEL: 'logLevel',
};
