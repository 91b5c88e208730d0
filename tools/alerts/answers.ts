/**
 * Spoken answers about the alerts firing now. Summaries were made by checks from data (container names,
 * command output) and are said as text, cut to a speakable length.
 */
import { countOf, speakable, spokenDuration } from '../../src/router/speech-format.js';
import type { ActiveAlerts } from './alert-tools.js';

/** Alerts read out one by one before the answer says how many more there are. */
const maxSpoken = 4;
/** Checks not run for this long: the table may be stale (no service running them). */
const staleAfterMs = 10 * 60_000;

const severityRank = { critical: 0, warning: 1, info: 2 } as const;

export function alertsAnswer(value: ActiveAlerts, now = new Date()): string {
  const loud = value.alerts.filter((alert) => !alert.silenced);
  const quiet = value.alerts.length - loud.length;
  const stale = staleness(value.checkedAt, now);
  if (loud.length === 0) {
    const silenced = quiet > 0 ? ` (${countOf(quiet, 'silenced alert')} still firing)` : '';
    return `${stale ?? 'Nothing is wrong: no alerts are firing'}${silenced}.`;
  }
  const ordered = [...loud].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  const spoken = ordered.slice(0, maxSpoken).map((alert) => describeAlert(alert, now));
  const more = ordered.length - spoken.length;
  // Items carry commas of their own ("..., for 12 minutes"), so they are joined with semicolons.
  const items = more > 0 ? [...spoken, `${more} more`] : spoken;
  const list = items.length === 1 ? items[0] : `${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}`;
  const head = loud.length === 1 ? 'One alert is firing' : `${loud.length} alerts are firing`;
  const tail = [quiet > 0 ? `${countOf(quiet, 'more is', 'more are')} silenced.` : '', stale ? `${stale}.` : '']
    .filter(Boolean)
    .join(' ');
  return `${head}: ${list}.${tail ? ` ${tail}` : ''}`;
}

function describeAlert(alert: ActiveAlerts['alerts'][number], now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(alert.since)) / 1000));
  const severity = alert.severity === 'critical' ? 'critical: ' : '';
  const acknowledged = alert.acknowledged ? ', acknowledged' : '';
  const summary = speakable(alert.summary, 120).replace(/[.!?]+$/, '');
  const duration = seconds >= 60 ? `, for ${spokenDuration(seconds)}` : '';
  return `${severity}${summary}${duration}${acknowledged}`;
}

function staleness(checkedAt: string | null, now: Date): string | null {
  if (checkedAt === null) return "I have no alert checks on record: the sysvox service runs them, and it hasn't yet";
  const ago = now.getTime() - Date.parse(checkedAt);
  if (ago <= staleAfterMs) return null;
  return `The alert checks last ran ${spokenDuration(Math.round(ago / 1000))} ago, so this may be out of date`;
}
