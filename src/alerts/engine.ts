/**
 * The alert engine: checks report what they see (observe), and on every tick the engine decides which
 * notices are due and hands them to `deliver` (the app routes them to channels). Alertmanager-like:
 * `for`, keepFiringFor, grouping by rule and host, group_wait, group_interval, repeat_interval with a
 * cap, recovery notices, silences and inhibition, all kept in SQLite so a restart repeats nothing.
 * A bad observation, a failing delivery or a broken database never throws out of it.
 */
import type { AlertsConfig } from '../config/alerts-schema.js';
import type { Notice } from '../core/channel.js';
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { AlertRecord } from '../memory/alerts.js';
import type { Memory } from '../memory/memory.js';
import type { CheckRun } from '../toolkit/check.js';
import type { ApprovalView } from '../types.js';
import { decideNotices } from './decide.js';
import { applyRun } from './observe.js';
import { offerActions, type OfferAction } from './offer-actions.js';
import { readRun } from './read-run.js';

/** A notice about one group of alerts: what channels get, plus the alerts it names. */
export interface AlertNotice extends Notice {
  kind: 'firing' | 'repeat' | 'resolved';
  /** Firing ones first, then resolved ones. */
  alerts: AlertRecord[];
  actions: ApprovalView[];
}

export interface AlertEngineOptions {
  memory: Pick<Memory, 'alerts' | 'approvals'>;
  config: AlertsConfig;
  clock?: () => Date;
  /** Sends a notice on its way; a throw or rejection is logged, and the notice is not sent again. */
  deliver(notice: AlertNotice): unknown;
  /** A delivery still going after this long is logged as failed and the engine goes on (default 60 s). */
  deliverTimeoutMs?: number;
  /** Offers an alert's suggested action as an approval (core.requestAction); null when it cannot. */
  offerAction?: OfferAction;
  log: Logger;
}

export interface AlertEngine {
  /** Applies one run of the check `checkName` (the alerts' source). Never throws. */
  observe(checkName: string, run: CheckRun): void;
  /** Sends the notices that are due. Calls run one after another; never rejects. */
  tick(): Promise<void>;
}

export function createAlertEngine(options: AlertEngineOptions): AlertEngine {
  const { memory, config, log } = options;
  const clock = options.clock ?? (() => new Date());
  const store = memory.alerts;
  const deliverTimeoutMs = options.deliverTimeoutMs ?? 60_000;
  let ticking: Promise<void> = Promise.resolve();

  async function send(notice: Omit<AlertNotice, 'actions'>, now: Date): Promise<void> {
    const offered =
      notice.kind === 'resolved'
        ? []
        : await offerActions(notice.alerts, {
            store,
            approvals: memory.approvals,
            offerAction: options.offerAction,
            now,
            log,
          });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tooSlow = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${deliverTimeoutMs / 1000} s`)), deliverTimeoutMs);
      timer.unref(); // a hung delivery never keeps a command like `sysvox alerts test` alive
    });
    try {
      await Promise.race([Promise.resolve(options.deliver({ ...notice, actions: offered })), tooSlow]);
      log.info('alert notice sent', { key: notice.key, kind: notice.kind, alerts: notice.alerts.length });
    } catch (error) {
      log.error('an alert notice could not be delivered; it is not sent again', {
        key: notice.key,
        kind: notice.kind,
        error: describeError(error),
      });
    } finally {
      clearTimeout(timer);
    }
  }

  async function tickNow(): Promise<void> {
    const now = clock();
    try {
      for (const notice of decideNotices(store, { now, config })) await send(notice, now);
    } catch (error) {
      log.error('alert notices could not be decided; trying again on the next tick', { error: describeError(error) });
    }
  }

  return {
    observe(checkName, run) {
      try {
        const read = readRun(run);
        if (read.problems.length > 0)
          log.warn('an alert check reported observations that were skipped', {
            check: checkName,
            skipped: read.problems.length,
            first: read.problems[0],
          });
        applyRun(store, { source: checkName, run: read, now: clock(), config });
      } catch (error) {
        log.error('an alert check run could not be recorded', { check: checkName, error: describeError(error) });
      }
    },
    tick() {
      ticking = ticking.then(tickNow);
      return ticking;
    },
  };
}
