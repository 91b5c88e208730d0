/**
 * The daily report: at config.alerts.dailyReport.at (local time) what fired and resolved in the last 24
 * hours, what is wrong now and disk use against yesterday (daily-report-text.ts), as one 'info' notice
 * with the key report:daily. Sent once a day: the day it was sent is written to SQLite BEFORE it is sent,
 * so a restart (even kill -9) never sends it twice; a service that was down at the time and comes up
 * later the same day sends it then. Each tick also keeps the day's first disk figures (disk-history.ts).
 */
import type { AlertsConfig } from '../config/alerts-schema.js';
import type { Notice } from '../core/channel.js';
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { AlertStore } from '../memory/alerts.js';
import type { KeyValueStore } from '../memory/key-value.js';
import { dailyReportText, type ContainerProblem } from './daily-report-text.js';
import { createDiskHistory, dayBefore, localDay, type DiskUse } from './disk-history.js';

export const dailyReportKey = 'report:daily';
/** The local day (YYYY-MM-DD) the report was last sent on. */
export const reportSentKey = 'alerts.dailyReport.sentOn';

/** Where the report's live figures come from (the wiring binds the Docker area and the sampler). */
export interface ReportSources {
  problemContainers(): Promise<ContainerProblem[]>;
  diskUse(): Promise<DiskUse>;
}

export interface DailyReportOptions {
  config: AlertsConfig['dailyReport'];
  store: Pick<AlertStore, 'events' | 'list'>;
  kv: KeyValueStore;
  sources: ReportSources;
  /** Sends the notice through the report's routes; a throw is logged. */
  send(notice: Notice): Promise<unknown>;
  log: Logger;
  clock?: () => Date;
  /** How often it looks whether the report is due; default 30 s. */
  checkEveryMs?: number;
}

export interface DailyReport {
  /** The report as it would be sent now; reads only (`sysvox alerts report`). */
  compose(): Promise<Notice>;
  /** Sends the report when it is due and not sent today, and keeps the day's first disk figures. Never rejects. */
  tick(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export function createDailyReport(options: DailyReportOptions): DailyReport {
  const { config, kv, log } = options;
  const clock = options.clock ?? (() => new Date());
  const history = createDiskHistory(kv);
  const failing = new Set<string>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let ticking: Promise<void> = Promise.resolve();

  /** A source that fails leaves its part out; it is logged once per failing streak. */
  async function read<T>(what: string, work: () => Promise<T>): Promise<T | null> {
    try {
      const value = await work();
      failing.delete(what);
      return value;
    } catch (error) {
      if (!failing.has(what)) log.warn(`the daily report could not read ${what}`, { error: describeError(error) });
      failing.add(what);
      return null;
    }
  }

  async function composeAt(now: Date): Promise<{ notice: Notice; disk: DiskUse | null }> {
    const disk = await read('disk use', () => options.sources.diskUse());
    const text = dailyReportText({
      now,
      events: options.store.events(new Date(now.getTime() - 24 * 3_600_000)),
      firing: options.store.list({ states: ['firing', 'acknowledged'] }),
      containers: await read('the containers', () => options.sources.problemContainers()),
      disk,
      yesterday: history.on(dayBefore(now)),
    });
    return { notice: { key: dailyReportKey, severity: 'info', text }, disk };
  }

  async function tickNow(): Promise<void> {
    const now = clock();
    const today = localDay(now);
    try {
      if (!history.on(today)) {
        const disk = await read('disk use', () => options.sources.diskUse());
        if (disk) history.record(today, disk);
      }
      const due = now.getHours() * 60 + now.getMinutes() >= minutesOf(config.at);
      if (!config.enabled || !due || kv.get(reportSentKey) === today) return;
      kv.set(reportSentKey, today);
      const { notice, disk } = await composeAt(now);
      if (disk) history.record(today, disk);
      await options.send(notice);
      log.info('daily report sent', { day: today });
    } catch (error) {
      log.error('the daily report failed; it is not sent again today', { error: describeError(error) });
    }
  }

  const tick = () => (ticking = ticking.then(tickNow));

  return {
    compose: async () => (await composeAt(clock())).notice,
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => void tick(), options.checkEveryMs ?? 30_000);
      void tick();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await ticking;
    },
  };
}
