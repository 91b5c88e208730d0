/**
 * The words of a notice: one or two sentences that read well and can be spoken.
 *   "Warning: the disk on /mnt/tank is 93 percent full."
 *   "Warning: 3 containers are unhealthy: nextcloud, plex and immich."
 *   "Reminder. Critical: docker on nas cannot be reached."
 *   "Resolved: nextcloud is healthy again."
 * Summaries are plain text already (plain-text.ts); they are only joined here, never interpreted.
 */
import type { AlertRecord } from '../memory/alerts.js';
import type { AlertSeverity } from '../toolkit/check.js';
import type { NoticePlan } from './notice-plan.js';

const severityWord: Record<AlertSeverity, string> = { info: 'Note', warning: 'Warning', critical: 'Critical' };
const severityRank: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };

/** Names listed before "and N more". */
const maxNames = 5;
/** Whole sentences listed before "and N more". */
const maxSentences = 3;

/** Plural nouns for the groups whose summaries start with their target, by rule name. */
const nouns: Array<[RegExp, string]> = [[/^container-/, 'containers']];

export function highestSeverity(alerts: readonly AlertRecord[]): AlertSeverity {
  return alerts.reduce<AlertSeverity>(
    (highest, alert) => (severityRank[alert.severity] > severityRank[highest] ? alert.severity : highest),
    'info',
  );
}

/** "a", "a and b", "a, b and c", "a, b, c, d, e and 3 more"; with '; ' between sentences: "a; b; and c". */
export function listNames(names: readonly string[], max = maxNames, separator = ', '): string {
  const shown = names.length > max ? [...names.slice(0, max), `${names.length - max} more`] : [...names];
  if (shown.length <= 1) return shown.join('');
  const joiner = separator === ', ' || shown.length === 2 ? ' and ' : `${separator.trim()} and `;
  return `${shown.slice(0, -1).join(separator)}${joiner}${shown.at(-1)}`;
}

/** " is unhealthy" -> " are unhealthy": the verb of a sentence about one thing, said about several. */
function plural(rest: string): string {
  return rest.replace(/^ (is|has|was|does)\b/, (_match, verb: string) => {
    const verbs: Record<string, string> = { is: ' are', has: ' have', was: ' were', does: ' do' };
    return verbs[verb] ?? ` ${verb}`;
  });
}

/** The shared tail when every sentence is "<target> <same words>": "nextcloud is unhealthy" -> " is unhealthy". */
function sharedTail(alerts: readonly AlertRecord[], sentence: (alert: AlertRecord) => string): string | undefined {
  const tails = alerts.map((alert) => {
    const text = sentence(alert);
    return text.startsWith(`${alert.target} `) ? text.slice(alert.target.length) : undefined;
  });
  const first = tails[0];
  return first !== undefined && tails.every((tail) => tail === first) ? first : undefined;
}

/** Several alerts of one group in one clause. */
export function describe(alerts: readonly AlertRecord[], sentence: (alert: AlertRecord) => string): string {
  const first = alerts[0];
  if (!first) return '';
  if (alerts.length === 1) return sentence(first);
  const tail = sharedTail(alerts, sentence);
  const names = alerts.map((alert) => alert.target);
  if (tail === undefined) return listNames(alerts.map(sentence), maxSentences, '; ');
  const noun = nouns.find(([rule]) => rule.test(first.rule))?.[1];
  if (!noun) return `${listNames(names)}${plural(tail)}`;
  const where = first.host === 'local' ? '' : ` on ${first.host}`;
  return `${alerts.length} ${noun}${where}${plural(tail)}: ${listNames(names)}`;
}

export function noticeText(plan: NoticePlan): string {
  const sentences: string[] = [];
  if (plan.firing.length > 0) {
    const problem = `${severityWord[highestSeverity(plan.firing)]}: ${describe(plan.firing, (alert) => alert.summary)}.`;
    sentences.push(plan.kind === 'repeat' ? `Reminder. ${problem}` : problem);
  }
  if (plan.recovered.length > 0) sentences.push(`Resolved: ${describe(plan.recovered, (alert) => alert.recovery)}.`);
  return sentences.join(' ');
}
