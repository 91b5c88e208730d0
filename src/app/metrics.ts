/**
 * What sysvox counts for Prometheus, in a registry of its own (never prom-client's global one). The
 * counts come from seams the app already has: every turn's final `done` event (core.handle), every
 * audit row the policy writes (tool calls, refusals, approvals), every stage timing stored per turn,
 * channel start retries and whisper server restarts; firing alerts are read from SQLite at scrape time. Label values come from
 * bounded sets only: a tool name the registry does not know becomes "unknown", never the model's text.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Core } from '../core/turn.js';
import type { Memory } from '../memory/memory.js';
import type { AuditEntry } from '../memory/audit.js';
import type { TimingEntry } from '../memory/timings.js';
import { auditKinds } from '../policy/audit-kinds.js';
import type { AlertSeverity } from '../toolkit/check.js';

export interface Metrics {
  readonly registry: Registry;
  /** The same core, counting each finished turn by channel and answer source. */
  observeCore(core: Core): Core;
  /** The same memory, feeding tool calls, approvals and stage latencies from what it records. */
  observeMemory(memory: Memory): Memory;
  channelRestarted(channel: string): void;
  /** A supervised engine process (the whisper server) died and is being restarted. */
  engineRestarted(engine: 'whisper'): void;
}

export interface MetricsOptions {
  /** Whether the tool registry knows this name; others are counted as "unknown". */
  isTool: (name: string) => boolean;
  /** Firing alerts now, read at scrape time. */
  firingSeverities: () => AlertSeverity[];
}

/** Timing stages as the stores name them (core and voice channel) -> the `stage` label. Others are not exported. */
const stageLabels: Record<string, string> = {
  'wake-to-speech': 'wake',
  speech: 'speech',
  stt: 'stt',
  router: 'router',
  brain: 'brain',
  core: 'core',
  'first-audio': 'first_audio',
};

const toolOutcomes: Record<string, (outcome: string) => string> = {
  [auditKinds.toolCall]: (outcome) => (outcome === 'ok' ? 'ok' : 'error'),
  [auditKinds.toolRefused]: () => 'refused',
  [auditKinds.toolDropped]: () => 'dropped',
  [auditKinds.approvalCreated]: () => 'pending',
};

const approvalOutcomes: Record<string, string> = {
  [auditKinds.approvalCreated]: 'requested',
  [auditKinds.approvalApproved]: 'approved',
  [auditKinds.approvalDenied]: 'denied',
  [auditKinds.approvalExpired]: 'expired',
  [auditKinds.approvalRejected]: 'rejected',
};

const severities: AlertSeverity[] = ['info', 'warning', 'critical'];

/** Channel names are code-defined ("cli", "telegram", "voice"); anything else is folded into "other". */
const channelLabel = (channel: string) => (/^[a-z][a-z0-9-]{0,31}$/.test(channel) ? channel : 'other');

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  const turns = new Counter({
    name: 'sysvox_turns_total',
    help: 'Turns answered, by channel and by what answered (router, guess, brain, approval, policy, error, rate-limit).',
    labelNames: ['channel', 'source'] as const,
    registers: [registry],
  });
  const stages = new Histogram({
    name: 'sysvox_stage_seconds',
    help: 'Time spent per turn stage (wake, speech, stt, router, brain, core, first_audio).',
    labelNames: ['stage'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [registry],
  });
  const toolCalls = new Counter({
    name: 'sysvox_tool_calls_total',
    help: 'Tool calls through the policy, by tool and outcome (ok, error, refused, dropped, pending).',
    labelNames: ['tool', 'outcome'] as const,
    registers: [registry],
  });
  const approvals = new Counter({
    name: 'sysvox_approvals_total',
    help: 'Approval events by outcome (requested, approved, denied, expired, rejected).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const channelRestarts = new Counter({
    name: 'sysvox_channel_restarts_total',
    help: 'Times a channel failed to start for now and was tried again.',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  const engineRestarts = new Counter({
    name: 'sysvox_engine_restarts_total',
    help: 'Times a supervised engine process (the whisper server) died and was restarted.',
    labelNames: ['engine'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'sysvox_alerts_firing',
    help: 'Alerts firing now, by severity.',
    labelNames: ['severity'] as const,
    registers: [registry],
    collect() {
      const firing = options.firingSeverities();
      for (const severity of severities) this.set({ severity }, firing.filter((found) => found === severity).length);
    },
  });

  const onAudit = (entry: AuditEntry) => {
    const toolOutcome = toolOutcomes[entry.kind];
    if (toolOutcome && entry.tool !== undefined)
      toolCalls.inc({ tool: options.isTool(entry.tool) ? entry.tool : 'unknown', outcome: toolOutcome(entry.outcome) });
    const approval = approvalOutcomes[entry.kind];
    if (approval) approvals.inc({ outcome: approval });
  };
  const onTiming = (entry: TimingEntry) => {
    const stage = stageLabels[entry.stage];
    if (stage && Number.isFinite(entry.ms)) stages.observe({ stage }, Math.max(0, entry.ms) / 1000);
  };

  return {
    registry,
    observeCore: (core) => ({
      ...core,
      async *handle(turn) {
        for await (const event of core.handle(turn)) {
          if (event.type === 'done') turns.inc({ channel: channelLabel(turn.channel), source: event.source });
          yield event;
        }
      },
    }),
    observeMemory: (memory) => ({
      ...memory,
      audit: {
        ...memory.audit,
        record(entry) {
          memory.audit.record(entry);
          onAudit(entry);
        },
      },
      timings: {
        ...memory.timings,
        record(entry) {
          memory.timings.record(entry);
          onTiming(entry);
        },
      },
    }),
    channelRestarted: (channel) => channelRestarts.inc({ channel: channelLabel(channel) }),
    engineRestarted: (engine) => engineRestarts.inc({ engine }),
  };
}
