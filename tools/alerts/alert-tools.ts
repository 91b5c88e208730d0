/**
 * The alerts area's tool: the alerts firing now, read from the alert table the engine keeps (the brain
 * may call it too: "anything I should worry about?"). Safe: it reads only.
 */
import { z } from 'zod';
import type { AlertRecord, AlertStore } from '../../src/memory/alerts.js';
import { defineTool } from '../../src/toolkit/tool.js';

export const activeAlert = z.object({
  id: z.string(),
  rule: z.string(),
  target: z.string(),
  host: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  acknowledged: z.boolean(),
  silenced: z.boolean(),
  summary: z.string(),
  /** When it started firing, ISO 8601. */
  since: z.string(),
});
export const activeAlerts = z.object({
  alerts: z.array(activeAlert),
  /** When the checks last ran (ISO 8601), or null when they never have: the sysvox service runs them. */
  checkedAt: z.string().nullable(),
});
export type ActiveAlerts = z.infer<typeof activeAlerts>;

export interface AlertToolsOptions {
  store: Pick<AlertStore, 'list' | 'silences'>;
  /** When the alert checks last ran, or null: a CLI reading the table while no service runs sees stale rows. */
  checkedAt(): Date | null;
}

export function alertTools(options: AlertToolsOptions) {
  return {
    list: defineTool({
      name: 'list_alerts',
      description:
        'List the alerts firing now (disk full, unhealthy containers, failed checks), with severity, what and since when.',
      risk: 'safe',
      input: z.object({}),
      describeCall: () => 'list the alerts firing now',
      output: activeAlerts,
      execute: async () => {
        const silences = options.store.silences();
        const alerts = options.store.list({ states: ['firing', 'acknowledged'] }).map((alert) =>
          describe(
            alert,
            silences.some((silence) => matches(silence, alert)),
          ),
        );
        return { alerts, checkedAt: options.checkedAt()?.toISOString() ?? null };
      },
    }),
  };
}

function describe(alert: AlertRecord, silenced: boolean): z.infer<typeof activeAlert> {
  return {
    id: alert.id,
    rule: alert.rule,
    target: alert.target,
    host: alert.host,
    severity: alert.severity,
    acknowledged: alert.state === 'acknowledged',
    silenced,
    summary: alert.summary,
    since: (alert.firedAt ?? alert.activeSince).toISOString(),
  };
}

/** A silence matches when every field it names (rule, target, host) equals the alert's. */
function matches(silence: ReturnType<AlertStore['silences']>[number], alert: AlertRecord): boolean {
  return (
    (silence.rule === null || silence.rule === alert.rule) &&
    (silence.target === null || silence.target === alert.target) &&
    (silence.host === null || silence.host === alert.host)
  );
}
