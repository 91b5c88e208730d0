/**
 * What keeps an alert from being announced: a silence that matches every field it names (rule, target,
 * host), or inhibition (config.alerts.inhibit: while an alert of rule `source` fires on a host, the
 * alerts of its `targets`, or of every other rule for '*', on that host are not announced).
 */
import type { AlertsConfig } from '../config/alerts-schema.js';
import type { AlertRecord, Silence } from '../memory/alerts.js';

export function silences(silence: Silence, alert: AlertRecord): boolean {
  return (
    (silence.rule === null || silence.rule === alert.rule) &&
    (silence.target === null || silence.target === alert.target) &&
    (silence.host === null || silence.host === alert.host)
  );
}

/**
 * Whether an alert is muted right now, given the active silences and where inhibiting rules fire
 * (store.firingOn(sourceRules(inhibit))).
 */
export function mutedBy(
  active: readonly Silence[],
  inhibit: AlertsConfig['inhibit'],
  firingOn: ReadonlyArray<{ rule: string; host: string }>,
): (alert: AlertRecord) => boolean {
  const firing = new Set(firingOn.map((pair) => `${pair.rule}\u0000${pair.host}`));
  const inhibited = (alert: AlertRecord) =>
    inhibit.some(
      (rule) =>
        rule.source !== alert.rule &&
        (rule.targets.includes('*') || rule.targets.includes(alert.rule)) &&
        firing.has(`${rule.source}\u0000${alert.host}`),
    );
  return (alert) => active.some((silence) => silences(silence, alert)) || inhibited(alert);
}

/** The rules whose firing alerts inhibit others. */
export const sourceRules = (inhibit: AlertsConfig['inhibit']) => [...new Set(inhibit.map((rule) => rule.source))];
