/**
 * Alerts wired into the app: the checks every area brings, run by the scheduler in the service; the
 * engine's notices routed per channel (severity, mute, quiet hours) through Channel.notify; an alert's
 * suggested action offered as an approval from sysvox itself (core.requestAction), so a Telegram button
 * or "yes, restart nextcloud" runs it once, through the policy.
 */
import { createAlertEngine, type AlertEngine, type AlertNotice } from '../alerts/engine.js';
import { createAlertRouting, type AlertRouting } from '../alerts/routing.js';
import { createAlertScheduler, type AlertScheduler } from '../alerts/scheduler.js';
import type { AlertsConfig } from '../config/alerts-schema.js';
import type { Channel, Notice } from '../core/channel.js';
import type { Core } from '../core/turn.js';
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Memory } from '../memory/memory.js';
import type { AlertCheck } from '../toolkit/check.js';
import type { ApprovalView } from '../types.js';
import { notifyChannels, type ChannelDelivery } from './channels.js';

/** Where the time the checks last ran is kept: "what's wrong?" says when the table may be stale. */
export const checkedAtKey = 'alerts.checkedAt';

export interface AlertsWiring {
  readonly engine: AlertEngine;
  readonly routing: AlertRouting;
  /** Sends a notice to the channels its severity is routed to; what became of it on each. */
  send(notice: Notice, channels: readonly Channel[]): Promise<ChannelDelivery[]>;
  /** Runs the checks on their schedules (the service only). */
  start(channels: readonly Channel[]): void;
  stop(): Promise<void>;
}

export interface AlertsWiringOptions {
  config: AlertsConfig;
  memory: Pick<Memory, 'alerts' | 'approvals' | 'kv'>;
  core: Pick<Core, 'requestAction'>;
  checks: readonly AlertCheck[];
  log: Logger;
  clock?: () => Date;
}

export function wireAlerts(options: AlertsWiringOptions): AlertsWiring {
  const log = options.log.child('alerts');
  const clock = options.clock ?? (() => new Date());
  const routing = createAlertRouting({ config: options.config, kv: options.memory.kv, clock });
  let running: readonly Channel[] = [];
  const send = (notice: Notice, channels: readonly Channel[]) =>
    notifyChannels(channels, notice, log, (channel) => routing.decide(channel.name, notice.severity));
  const engine = createAlertEngine({
    memory: options.memory,
    config: options.config,
    clock,
    log,
    deliver: (notice: AlertNotice) => send(stripAlerts(notice), running),
    offerAction: async (alert) => {
      if (!alert.action) return null;
      try {
        const outcome = await options.core.requestAction({
          tool: alert.action.tool,
          input: alert.action.input,
          reason: alert.summary,
        });
        return outcome.status === 'approval-required' ? (outcome.approval as ApprovalView) : null;
      } catch (error) {
        log.warn('could not offer the suggested action', { alert: alert.id, error: describeError(error) });
        return null;
      }
    },
  });
  const recorded: AlertEngine = {
    observe(checkName, run) {
      engine.observe(checkName, run);
      options.memory.kv.set(checkedAtKey, clock().toISOString());
    },
    tick: () => engine.tick(),
  };
  let scheduler: AlertScheduler | undefined;
  return {
    engine,
    routing,
    send,
    start(channels) {
      running = channels;
      if (!options.config.enabled) {
        log.info('alerts are disabled (alerts.enabled: false)');
        return;
      }
      scheduler = createAlertScheduler({ engine: recorded, checks: options.checks, log, tickEveryMs: 1000 });
      scheduler.start();
      log.info('alert checks running', { checks: options.checks.map((check) => check.name) });
    },
    async stop() {
      await scheduler?.stop();
    },
  };
}

/** Channels get a Notice; the alert records stay with the engine. */
function stripAlerts(notice: AlertNotice): Notice {
  return { key: notice.key, severity: notice.severity, text: notice.text, actions: notice.actions };
}
