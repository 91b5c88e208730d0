/**
 * The notices due now, decided and written down in one transaction: each group's plan (notice-plan.ts)
 * and its bookkeeping (counts, times, the group's last notice, the history) are committed BEFORE any
 * notice is delivered. That is an at-most-once choice: if sysvox dies between the commit and the
 * delivery (kill -9, power loss) that one notice is lost, but nothing already announced is ever
 * announced again after a restart; repeats and recoveries go on from the stored state.
 */
import type { AlertsConfig } from '../config/alerts-schema.js';
import { eventOf, type AlertEngineStore, type AlertRecord } from '../memory/alerts.js';
import type { AlertSeverity } from '../toolkit/check.js';
import { planNotice, type NoticePlan } from './notice-plan.js';
import { highestSeverity, noticeText } from './notice-text.js';
import { mutedBy, sourceRules } from './suppression.js';

export interface DecidedNotice {
  /** Stable per group: "alert:container-unhealthy:local". */
  key: string;
  kind: NoticePlan['kind'];
  severity: AlertSeverity;
  text: string;
  /** Firing ones first, then resolved ones, as stored after this notice. */
  alerts: AlertRecord[];
}

function groupsOf(alerts: readonly AlertRecord[]): AlertRecord[][] {
  const groups = new Map<string, AlertRecord[]>();
  for (const alert of alerts) {
    const key = `${alert.rule}\u0000${alert.host}`;
    const group = groups.get(key);
    if (group) group.push(alert);
    else groups.set(key, [alert]);
  }
  return [...groups.values()];
}

/** Writes what this notice means for its alerts and group, and returns the alerts as they are now. */
function recordNotice(store: AlertEngineStore, plan: NoticePlan, now: Date): NoticePlan {
  const firing = plan.firing.map((alert) => ({
    ...alert,
    notifications: alert.notifications + 1,
    announcedSeverity: alert.severity,
    lastNotifiedAt: now,
  }));
  const recovered = plan.recovered.map((alert) => ({ ...alert, recoveryOwed: false, recoveryNotified: true }));
  for (const alert of firing) {
    store.save(alert);
    store.addEvent(eventOf(alert, 'notified', now));
  }
  for (const alert of recovered) {
    store.save(alert);
    store.addEvent({ ...eventOf(alert, 'recovery-notified', now), summary: alert.recovery });
  }
  const { rule, host } = (firing[0] ?? recovered[0]) as AlertRecord;
  store.saveGroup({ rule, host, lastNotifiedAt: now });
  return { kind: plan.kind, firing, recovered };
}

export function decideNotices(store: AlertEngineStore, options: { now: Date; config: AlertsConfig }): DecidedNotice[] {
  const { now, config } = options;
  // Most ticks have nothing due: a plain read answers that without taking the write lock.
  if (store.dueGroups(now, config).length === 0) return [];
  return store.transaction(() => {
    const candidates = store.dueGroups(now, config);
    const muted = mutedBy(store.silencesAt(now), config.inhibit, store.firingOn(sourceRules(config.inhibit)));
    const notices: DecidedNotice[] = [];
    for (const group of groupsOf(candidates)) {
      // A muted alert's recovery is never said (as in Alertmanager): it stops being owed.
      for (const alert of group.filter((alert) => alert.recoveryOwed && muted(alert)))
        store.save({ ...alert, recoveryOwed: false });
      const { rule, host } = group[0] as AlertRecord;
      const lastNotifiedAt = store.group(rule, host)?.lastNotifiedAt;
      const plan = planNotice({ alerts: group, muted, lastNotifiedAt, now, timing: config });
      if (!plan) continue;
      const sent = recordNotice(store, plan, now);
      const alerts = [...sent.firing, ...sent.recovered];
      notices.push({
        key: `alert:${rule}:${host}`,
        kind: sent.kind,
        severity: highestSeverity(alerts),
        text: noticeText(sent),
        alerts,
      });
    }
    return notices;
  });
}
