/**
 * The ONLY place that picks concrete engines, channels and tools and wires them together.
 */
import { createBrain } from '../brain/brain.js';
import { checkToolCapability } from '../brain/ollama-probe.js';
import { loadContextNotes } from '../brain/context-notes.js';
import { loadHostNotes } from '../brain/host-notes.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { createCore } from '../core/core.js';
import type { Core } from '../core/turn.js';
import { createLogger, type Logger, type LogLevel } from '../log.js';
import { resolveDataDir } from '../memory/data-dir.js';
import { openMemory, type Memory } from '../memory/memory.js';
import { createRateLimiter } from '../policy/rate-limiter.js';
import { createToolRunner, type ToolRunner } from '../policy/tool-runner.js';
import type { EngineProbe } from '../probe.js';
import type { ToolArea } from '../router/area.js';
import { createRouter, type Router } from '../router/router.js';
import { redactSecrets } from '../toolkit/redact.js';
import { createToolRegistry } from '../toolkit/registry.js';
import { createDockerClient, type DockerClient } from '../../tools/docker/client.js';
import { createSystemSampler, type SystemSampler } from '../../tools/system/sampler.js';
import { createAreas, type AreaOptions } from './areas.js';
import { createHostRuntime } from './wire-hosts.js';
import { createCoreMemory } from '../core/core-memory.js';
import { runDoctor } from './doctor.js';
import { createVoiceApp, type VoiceApp } from './wire-voice.js';
import { createMicrophoneChannel } from '../../channels/local/microphone-channel.js';
import type { Channel, Notice } from '../core/channel.js';
import { firstTryOfChannels, notifyChannels, stopChannels, type ChannelDelivery } from './channels.js';
import { describeServiceStatus } from './service-status.js';
import { createGotifyChannel } from '../../channels/gotify/gotify-channel.js';
import { createNtfyChannel } from '../../channels/ntfy/ntfy-channel.js';
import { ConfigError } from '../errors.js';
import type { SpeechToText } from '../../voice/stt/stt.js';
import { guardLibraryConsole } from './library-console.js';
import { wireAlerts, type AlertsWiring } from './wire-alerts.js';
import { buildNoticeChannels } from './notice-channels.js';
import { reportSources } from './report-sources.js';
import type { ListenAddress } from '../config/metrics-schema.js';
import type { Metrics } from './metrics.js';
import type { MetricsServer, ServiceHealth } from './metrics-server.js';

export interface AppOptions {
  configPath?: string;
  /** The service logs JSON lines to stdout (journald); one-shot commands keep stdout for the answer. */
  logTo: 'stdout' | 'stderr';
  logLevel?: LogLevel;
  env?: NodeJS.ProcessEnv;
  /** Replaces the background system sampler (bench/router-latency measures an on-demand one). */
  sampler?: SystemSampler;
  /** Where log lines go instead of logTo's stream (tests capture them); each line is already redacted. */
  logWrite?: (line: string) => void;
  /** The tool areas to run with; default createAreas (src/app/areas.ts). A test adds its own area to that list. */
  areas?: (wiring: AreaOptions) => ToolArea[];
}

export interface ApprovalRow {
  id: string;
  status: string;
  description: string;
  requester: string;
  channel: string;
  expiresNote: string;
}
export interface AuditRow {
  at: string;
  kind: string;
  person: string | null;
  channel: string | null;
  tool: string | null;
  host: string | null;
  detail: string;
  outcome: string;
}

export interface App {
  loaded: LoadedConfig;
  log: Logger;
  core: Core;
  memory: Memory;
  runner: ToolRunner;
  registry: ReturnType<typeof createToolRegistry>;
  sampler: SystemSampler;
  docker: DockerClient;
  /** The instant path over the registered areas; its lexicon also makes the pocketsphinx grammar. */
  router: Router;
  dataDir: string;
  /** The voice pipeline: engines on first use, the mic loop, `listen --file`, `say`. */
  voice: VoiceApp;
  listApprovals(options: { all: boolean }): ApprovalRow[];
  auditEntries(limit: number): AuditRow[];
  doctor(): Promise<EngineProbe[]>;
  /** The enabled channels, each started the same way by start(). */
  readonly channels: readonly Channel[];
  /** The alert engine, its routing (severity, mute, quiet hours) and its checks; they run in start(). */
  alerts: AlertsWiring;
  /** Hands a notice (an alert, an offered action) to every running channel; what became of it on each. */
  notify(notice: Notice): Promise<ChannelDelivery[]>;
  /**
   * The configured channels built to send notices only, never started (no Telegram polling, no microphone):
   * for one-shot commands beside the service. Send through them with `requireRunning: false`.
   */
  noticeChannels(): Promise<Channel[]>;
  /**
   * The long-running service: background sampling, approval expiry, channels, and the metrics endpoint
   * when enabled; its /healthz reads `loopHealth` (the watchdog heartbeat of `sysvox run`).
   */
  start(options?: { loopHealth?: () => ServiceHealth }): Promise<void>;
  /** Where /metrics and /healthz listen after start(); undefined when disabled or the port was taken. */
  metricsAddress(): ListenAddress | undefined;
  /**
   * After start(): resolves once every enabled channel has started, failed for good, or failed for now
   * and keeps retrying (each failure logged with its reason). The service then tells systemd READY=1.
   */
  channelsTried(): Promise<void>;
  /** One line for systemd's STATUS=: "ready: voice running, telegram running, 2 alerts firing". */
  serviceStatus(phase: string): string;
  close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  guardLibraryConsole();
  const env = options.env ?? process.env;
  const loaded = loadConfig({ path: options.configPath, env });
  const { config } = loaded;
  const stream = options.logTo === 'stdout' ? process.stdout : process.stderr;
  const write = options.logWrite ?? ((line: string) => void stream.write(`${line}\n`));
  const log = createLogger({ level: options.logLevel ?? config.logLevel, redact: redactSecrets, write });
  const dataDir = resolveDataDir({ configured: config.dataDir, env });
  // Metrics count through seams that exist anyway: the audit and timing rows, each turn's done event.
  const opened = openMemory({ path: dataDir.databasePath });
  // prom-client (and telegraf in start()) load only when configured: docs/decisions/022-idle-memory.md.
  const metrics: Metrics | undefined = config.metrics.enabled
    ? (await import('./metrics.js')).createMetrics({
        isTool: (name) => registry.get(name) !== undefined,
        firingSeverities: () => opened.alerts.list({ states: ['firing'] }).map((alert) => alert.severity),
      })
    : undefined;
  const memory = metrics ? metrics.observeMemory(opened) : opened;

  // Sampled in the background only by long-running commands (start(), the mic loop); a one-shot command
  // samples once, on its first question, and does not wait for a sample it never needs (audit, approvals).
  const sampler = options.sampler ?? createSystemSampler({ intervalMs: config.system.sampleIntervalMs, log });
  const docker = createDockerClient({ socketPath: config.docker.socketPath, env, log });
  const hosts = createHostRuntime({ config, sampler, log });
  const areas = (options.areas ?? createAreas)({ config, env, log, memory, sampler, docker, hosts });
  const registry = createToolRegistry(
    areas.flatMap((area) => area.tools),
    config.tools.risk,
  );
  const runner = createToolRunner({
    registry,
    hosts: hosts.directory,
    memory,
    log,
    outputBudgetChars: config.tools.outputBudgetChars,
    approvalTtlSeconds: config.policy.approvalTtlSeconds,
    approvers: config.policy.approvers,
  });
  const router = createRouter({ areas });
  const vocabulary = () => router.vocabulary();
  const brain = createBrain({
    ollama: config.ollama,
    tools: registry.offered(),
    describe: (tool, input) => describeCall(registry, tool, input),
    log,
  });
  const bareCore = createCore({
    memory: createCoreMemory(memory),
    runner,
    router,
    brain,
    toolRisk: (tool) => registry.riskOf(tool),
    rateLimiter: createRateLimiter({ perMinute: config.policy.brainTurnsPerMinute }),
    vocabulary,
    contextNotes: async (text) =>
      [await loadContextNotes(config.contextDir), await loadHostNotes({ hosts: config.hosts, text })]
        .filter((notes) => notes !== '')
        .join('\n\n'),
    historyMessages: config.ollama.historyMessages,
    log,
  });
  const core = metrics ? metrics.observeCore(bareCore) : bareCore;

  const alerts = wireAlerts({
    config: config.alerts,
    memory,
    core,
    checks: areas.flatMap((area) => area.checks ?? []),
    reportSources: reportSources({ docker, sampler }),
    log,
  });

  const voice = createVoiceApp({
    config: config.voice,
    core,
    vocabulary,
    // Anyone's pending approval opens the confirmations in the grammar; who may answer is the policy's call.
    pendingConfirmations: () => Promise.resolve(runner.pending().map((approval) => approval.confirmPhrase)),
    lexicon: router.lexicon,
    timings: memory.timings,
    dataDir: dataDir.dir,
    log,
    env,
    onEngineRestart: (engine) => metrics?.engineRestarted(engine),
  });
  /** Aborted by close(): ends the mic loop and any channel still trying to start. */
  const stopping = new AbortController();
  let expiryTimer: NodeJS.Timeout | undefined;
  const channels: Channel[] = [];
  let channelsTried: Promise<void> = Promise.resolve();
  let metricsServer: MetricsServer | undefined;
  let running = false;
  return {
    loaded,
    log,
    core,
    memory,
    runner,
    sampler,
    docker,
    router,
    dataDir: dataDir.dir,
    voice,
    registry,
    listApprovals: ({ all }) =>
      runner.listApprovals(all ? {} : { status: 'pending' }).map((record) => ({
        id: record.id,
        status: record.status === 'pending' && record.expiresAt <= new Date() ? 'expired' : record.status,
        description: record.description,
        requester: record.externalId,
        channel: record.channel,
        expiresNote:
          record.status === 'pending'
            ? `expires ${record.expiresAt.toISOString()}`
            : `resolved ${record.resolvedAt?.toISOString() ?? ''}`,
      })),
    auditEntries: (limit) =>
      memory.audit.list({ limit }).map((record) => ({
        at: record.at.toISOString(),
        kind: record.kind,
        person:
          record.personId === null
            ? null
            : (memory.people.get(record.personId)?.displayName ?? String(record.personId)),
        channel: record.channel,
        tool: record.tool,
        host: record.host,
        detail: record.detail,
        outcome: record.outcome,
      })),
    doctor: () => runDoctor({ loaded, dataDir, docker, brain, extra: () => voice.probes() }),
    channels,
    alerts,
    notify: (notice) => notifyChannels(channels, notice, log),
    noticeChannels: () =>
      buildNoticeChannels({
        config,
        core,
        runner,
        memory,
        stt: wholeUtteranceStt(voice),
        tts: voice.speech(),
        log,
        signal: stopping.signal,
      }),
    async start(startOptions = {}) {
      log.info('sysvox starting', {
        config: loaded.path ?? 'defaults',
        dataDir: dataDir.dir,
        model: config.ollama.model,
      });
      sampler.start();
      const capability = await checkToolCapability({ host: config.ollama.host, model: config.ollama.model, log });
      if (capability.status !== 'ok')
        log.warn('language model not ready; the router still answers common questions', {
          detail: capability.detail,
          fix: capability.fix,
        });
      expiryTimer = setInterval(() => runner.expireStale(), 15_000);
      expiryTimer.unref();
      if (config.channels.telegram.enabled) {
        if (config.channels.telegram.token === undefined)
          throw new ConfigError(
            'Telegram is enabled but its token is missing: set channels.telegram.token or SYSVOX_TELEGRAM_TOKEN',
          );
        const { wireTelegram } = await import('./wire-telegram.js');
        channels.push(
          wireTelegram({ config, core, runner, memory, stt: wholeUtteranceStt(voice), tts: voice.speech(), log }),
        );
      }
      if (config.channels.discord.enabled) {
        requireToken(config.channels.discord.token, 'Discord', 'channels.discord.token or SYSVOX_DISCORD_TOKEN');
        const { wireDiscord } = await import('./wire-discord.js');
        const { discordVoiceFactory } = await import('./wire-discord-voice.js');
        const discordVoice = await discordVoiceFactory({
          config,
          core,
          stt: wholeUtteranceStt(voice),
          tts: voice.speech(),
          dataDir: dataDir.dir,
          vocabulary,
          pendingConfirmations: () => Promise.resolve(runner.pending().map((approval) => approval.confirmPhrase)),
          log,
        });
        channels.push(wireDiscord({ config, core, runner, memory, log, voice: discordVoice }));
      }
      if (config.voice.enabled) channels.push(createMicrophoneChannel({ loop: voice, log }));
      if (config.channels.gotify.enabled) channels.push(createGotifyChannel({ config, log }));
      if (config.channels.ntfy.enabled) channels.push(createNtfyChannel({ config, log }));
      log.info('sysvox ready: the core is running', { channels: channels.map((channel) => channel.name) });
      channelsTried = firstTryOfChannels(channels, {
        signal: stopping.signal,
        log,
        onRetry: (channel) => metrics?.channelRestarted(channel.name),
      });
      alerts.start(channels);
      running = true;
      if (metrics)
        metricsServer = await (
          await import('./metrics-server.js')
        ).startMetricsServer({
          listen: config.metrics.listen,
          registry: metrics.registry,
          loopHealth: startOptions.loopHealth,
          coreUp: () => running,
          log,
        });
    },
    metricsAddress: () => metricsServer?.address,
    channelsTried: () => channelsTried,
    serviceStatus: (phase) => describeServiceStatus(phase, channels, memory.alerts.list({ states: ['firing'] }).length),
    async close() {
      running = false;
      await metricsServer?.close();
      if (expiryTimer) clearInterval(expiryTimer);
      await alerts.stop();
      stopping.abort();
      await stopChannels(channels, log);
      await voice.close();
      sampler.stop();
      hosts.close();
      memory.close();
    },
  };
}

/** The voice app's STT over a whole utterance (Telegram voice notes), built on the first note. */
function wholeUtteranceStt(voice: VoiceApp): SpeechToText {
  const engine = async () => (await voice.engines()).stt;
  return {
    name: 'voice-app',
    transcribe: async (audio, options) => (await engine()).transcribe(audio, options),
    probe: async () => (await engine()).probe(),
  };
}

/** A channel that is enabled without its token cannot start: the service says so and how to fix it. */
export function requireToken(token: string | undefined, channel: string, where: string): void {
  if (token === undefined) throw new ConfigError(`${channel} is enabled but its token is missing: set ${where}`);
}

function describeCall(registry: ReturnType<typeof createToolRegistry>, tool: string, input: unknown): string {
  const definition = registry.get(tool);
  if (!definition) return tool;
  const parsed = definition.input.safeParse(input);
  return parsed.success ? definition.describeCall(parsed.data) : tool;
}
