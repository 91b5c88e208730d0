/**
 * Alerts wired into the app: the checks every area brings, run by the scheduler in the service; the
 * engine's notices routed per channel (severity, mute, quiet hours) through Channel.notify; an alert's
 * suggested action offered as an approval from sysvox itself (core.requestAction), so a Telegram button
 * or "yes, restart nextcloud" runs it once, through the policy; and the daily report on its own routes.
 */
import { createDailyReport, type DailyReport, type ReportSources } from '../alerts/daily-report.js';
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
import { notifyChannels, type ChannelDelivery, type NoticeRoute, type NotifyOptions } from './channels.js';

/** Where the time the checks last ran is kept: "what's wrong?" says when the table may be stale. */
export const checkedAtKey = 'alerts.checkedAt';

export interface AlertsWiring {
  readonly engine: AlertEngine;
  readonly routing: AlertRouting;
  /** The daily report; it runs in start() (`sysvox alerts report` composes it on demand). */
  readonly report: DailyReport;
  /** Sends a notice to the channels its severity is routed to; what became of it on each. */
  send(notice: Notice, channels: readonly Channel[], options?: NotifyOptions): Promise<ChannelDelivery[]>;
  /** Sends a daily report: spoken and/or pushed as dailyReport says, muted channels and quiet hours apply. */
  sendReport(notice: Notice, channels: readonly Channel[], options?: NotifyOptions): Promise<ChannelDelivery[]>;
  /** Runs the checks on their schedules and the daily report (the service only). */
  start(channels: readonly Channel[]): void;
  stop(): Promise<void>;
}

export interface AlertsWiringOptions {
  config: AlertsConfig;
  memory: Pick<Memory, 'alerts' | 'approvals' | 'kv'>;
  core: Pick<Core, 'requestAction'>;
  checks: readonly AlertCheck[];
  /** The daily report's live figures: problem containers and disk use. */
  reportSources: ReportSources;
  log: Logger;
  clock?: () => Date;
}

export function wireAlerts(options: AlertsWiringOptions): AlertsWiring {
  const log = options.log.child('alerts');
  const clock = options.clock ?? (() => new Date());
  const routing = createAlertRouting({ config: options.config, kv: options.memory.kv, clock });
  let running: readonly Channel[] = [];
  const send = (notice: Notice, channels: readonly Channel[], notifyOptions?: NotifyOptions) =>
    notifyChannels(channels, notice, log, (channel) => routing.decide(channel.name, notice.severity), notifyOptions);
  const { dailyReport } = options.config;
  const reportRoute: NoticeRoute = (channel) => {
    const spoken = channel.name === 'voice';
    if (spoken && !dailyReport.speak) return { send: false, reason: 'alerts.dailyReport.speak is off' };
    if (!spoken && !dailyReport.push) return { send: false, reason: 'alerts.dailyReport.push is off' };
    return routing.decideReport(channel.name);
  };
  const sendReport = (notice: Notice, channels: readonly Channel[], notifyOptions?: NotifyOptions) =>
    notifyChannels(channels, notice, log, reportRoute, notifyOptions);
  const report = createDailyReport({
    config: dailyReport,
    store: options.memory.alerts,
    kv: options.memory.kv,
    sources: options.reportSources,
    send: (notice) => sendReport(notice, running),
    log: log.child('report'),
    clock,
  });
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
    report,
    send,
    sendReport,
    start(channels) {
      running = channels;
      if (!options.config.enabled) {
        log.info('alerts are disabled (alerts.enabled: false)');
        return;
      }
      scheduler = createAlertScheduler({ engine: recorded, checks: options.checks, log, tickEveryMs: 1000 });
      scheduler.start();
      report.start();
      log.info('alert checks running', {
        checks: options.checks.map((check) => check.name),
        dailyReport: dailyReport.enabled ? dailyReport.at : 'off',
      });
    },
    async stop() {
      await scheduler?.stop();
      await report.stop();
    },
  };
}

/** Channels get a Notice; the alert records stay with the engine. */
function stripAlerts(notice: AlertNotice): Notice {
  return { key: notice.key, severity: notice.severity, text: notice.text, actions: notice.actions };
}
