/**
 * When a group of alerts (one rule on one host) is due a notice, and what it says (Alertmanager's
 * timing): a change waits groupWait (so a wave of failures in the same minute is one notice), any
 * notice waits groupInterval after the group's previous one, a still-firing alert is repeated every
 * repeatInterval until it has been repeated maxRepeats times (a reminder names every alert of the group
 * still due one), and announced alerts that resolved get a recovery notice. Only alerts that fire right
 * now (not clear, not acknowledged, not silenced or inhibited) are announced.
 * The store's dueGroups() filters with the same timing in SQL; this decides.
 */
import type { AlertRecord, NoticeTiming } from '../memory/alerts.js';

export interface NoticePlan {
  kind: 'firing' | 'repeat' | 'resolved';
  /** Named as firing: the new ones in a 'firing' notice (none is announced twice), all due one in a 'repeat'. */
  firing: AlertRecord[];
  /** Named as resolved. */
  recovered: AlertRecord[];
}

const rank = { info: 0, warning: 1, critical: 2 } as const;
const escalated = (alert: AlertRecord) =>
  alert.notifications > 0 && rank[alert.severity] > rank[alert.announcedSeverity ?? alert.severity];

const earliest = (times: readonly number[]) => (times.length === 0 ? Infinity : Math.min(...times));
const at = (date: Date | null) => date?.getTime() ?? 0;

export function planNotice(options: {
  alerts: readonly AlertRecord[];
  muted: (alert: AlertRecord) => boolean;
  lastNotifiedAt: Date | undefined;
  now: Date;
  timing: NoticeTiming;
}): NoticePlan | undefined {
  const { alerts, muted, timing } = options;
  const announceable = alerts.filter((alert) => alert.state === 'firing' && alert.clearSince === null && !muted(alert));
  // A warning that turned critical is news again (it may now be spoken in quiet hours).
  const fresh = announceable.filter((alert) => alert.notifications === 0 || escalated(alert));
  const repeatable = announceable.filter(
    (alert) => alert.notifications > 0 && alert.notifications <= timing.maxRepeats,
  );
  const recovered = alerts.filter((alert) => alert.state === 'resolved' && alert.recoveryOwed && !muted(alert));

  const notBefore = options.lastNotifiedAt ? options.lastNotifiedAt.getTime() + timing.groupInterval : -Infinity;
  const due = (since: number) => Math.max(notBefore, since);
  const now = options.now.getTime();
  const freshDue =
    due(earliest(fresh.map((alert) => (escalated(alert) ? 0 : at(alert.firedAt) + timing.groupWait)))) <= now;
  const repeatDue = due(earliest(repeatable.map((alert) => at(alert.lastNotifiedAt))) + timing.repeatInterval) <= now;
  const recoveryDue = due(earliest(recovered.map((alert) => at(alert.resolvedAt))) + timing.groupWait) <= now;

  if (freshDue) return { kind: 'firing', firing: fresh, recovered };
  if (repeatDue) return { kind: 'repeat', firing: repeatable, recovered };
  if (recoveryDue) return { kind: 'resolved', firing: [], recovered };
  return undefined;
}
