/**
 * The words of the daily report, written to be heard:
 *   "Good morning. In the last 24 hours 2 alerts fired and both resolved: the disk on /mnt/tank is 93
 *    percent full; and nextcloud is unhealthy. Right now nothing is wrong. Disk use: / is at 41 percent,
 *    up 2 points since yesterday; /mnt/tank at 93 percent, unchanged."
 * Summaries come from checks (container names, command output): they are cut and joined, never read as
 * instructions.
 */
import type { AlertEvent, AlertRecord } from '../memory/alerts.js';
import { countOf, speakable } from '../router/speech-format.js';
import type { DiskUse } from './disk-history.js';
import { listNames } from './notice-text.js';

/** A container the Docker area sees a problem with: "db is unhealthy". */
export interface ContainerProblem {
  name: string;
  problem: string;
}

export interface ReportFacts {
  now: Date;
  /** The alert history of the last 24 hours, oldest first. */
  events: readonly AlertEvent[];
  /** Alerts firing or acknowledged now. */
  firing: readonly AlertRecord[];
  /** Containers with a problem now; null when Docker could not be asked. */
  containers: readonly ContainerProblem[] | null;
  /** Disk use now; null when it could not be read. */
  disk: DiskUse | null;
  /** Disk use recorded yesterday, when there is a record. */
  yesterday: DiskUse | undefined;
}

/** Items read out before "and N more". */
const maxItems = 4;
const maxMounts = 6;

const severityRank = { info: 0, warning: 1, critical: 2 } as const;

const clause = (summary: string) => speakable(summary, 120).replace(/[.!?]+$/, '');

function greeting(now: Date): string {
  const hour = now.getHours();
  return hour < 12 ? 'Good morning.' : hour < 18 ? 'Good afternoon.' : 'Good evening.';
}

function howManyResolved(fired: number, resolved: number): string {
  if (fired === 1) return resolved === 1 ? 'it resolved' : 'it is still firing';
  if (resolved === fired) return fired === 2 ? 'both resolved' : 'all resolved';
  if (resolved === 0) return fired === 2 ? 'neither has resolved' : 'none has resolved';
  return `${resolved} of them resolved`;
}

function pastDay(events: readonly AlertEvent[]): string {
  const fired = new Map<string, AlertEvent>();
  /** Alerts whose latest fired-or-resolved event is 'resolved': one that fired again is not resolved. */
  const resolved = new Set<string>();
  for (const event of events) {
    if (event.kind === 'fired') {
      if (!fired.has(event.alertId)) fired.set(event.alertId, event);
      resolved.delete(event.alertId);
    } else if (event.kind === 'resolved') resolved.add(event.alertId);
  }
  if (fired.size === 0) {
    const older = resolved.size;
    const earlier = older > 0 ? ` ${countOf(older, 'older alert')} resolved.` : '';
    return `In the last 24 hours no alerts fired.${earlier}`;
  }
  const resolvedCount = [...fired.keys()].filter((id) => resolved.has(id)).length;
  const partly = resolvedCount > 0 && resolvedCount < fired.size;
  const items = [...fired.values()].map(
    (event) => `${clause(event.summary)}${partly && resolved.has(event.alertId) ? ', resolved' : ''}`,
  );
  const head = fired.size === 1 ? 'one alert fired' : `${fired.size} alerts fired`;
  return `In the last 24 hours ${head} and ${howManyResolved(fired.size, resolvedCount)}: ${listNames(items, maxItems, '; ')}.`;
}

function rightNow(firing: readonly AlertRecord[], containers: readonly ContainerProblem[] | null): string {
  // A container an alert already names is said once, in the alert's words.
  const named = new Set(firing.filter((alert) => alert.rule.startsWith('container-')).map((alert) => alert.target));
  const worstFirst = [...firing].sort(
    (a, b) => severityRank[b.severity] - severityRank[a.severity] || a.activeSince.getTime() - b.activeSince.getTime(),
  );
  const problems = [
    ...worstFirst.map((alert) => clause(alert.summary)),
    ...(containers ?? [])
      .filter((container) => !named.has(container.name))
      .map((container) => clause(container.problem)),
  ];
  if (problems.length === 0) return 'Right now nothing is wrong.';
  const head = problems.length === 1 ? 'one thing is wrong' : `${problems.length} things are wrong`;
  return `Right now ${head}: ${listNames(problems, maxItems, '; ')}.`;
}

function change(now: number, before: number | undefined): string {
  if (before === undefined) return '';
  const points = Math.round(now) - Math.round(before);
  if (points === 0) return ', unchanged';
  return `, ${points > 0 ? 'up' : 'down'} ${countOf(Math.abs(points), 'point')} since yesterday`;
}

function diskUse(disk: DiskUse | null, yesterday: DiskUse | undefined): string {
  const mounts = Object.keys(disk ?? {}).sort((a, b) => (a === '/' ? -1 : b === '/' ? 1 : a.localeCompare(b)));
  if (disk === null || mounts.length === 0) return '';
  const items = mounts.slice(0, maxMounts).map((mount, index) => {
    const percent = disk[mount] as number;
    return `${mount} ${index === 0 ? 'is at' : 'at'} ${Math.round(percent)} percent${change(percent, yesterday?.[mount])}`;
  });
  const more = mounts.length > maxMounts ? `; and ${mounts.length - maxMounts} more` : '';
  return `Disk use: ${items.join('; ')}${more}.`;
}

export function dailyReportText(facts: ReportFacts): string {
  return [
    greeting(facts.now),
    pastDay(facts.events),
    rightNow(facts.firing, facts.containers),
    diskUse(facts.disk, facts.yesterday),
  ]
    .filter(Boolean)
    .join(' ');
}
