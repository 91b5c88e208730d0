/**
 * Which channels an alert notice goes to: each channel's route in config.alerts.routes (a minimum
 * severity, muted), a mute set at runtime (`sysvox alerts mute voice 2h`, kept in SQLite), and quiet
 * hours, when only a critical alert is spoken (pushes are sent as usual: a phone has its own do-not-disturb).
 */
import type { NoticeSeverity } from '../core/channel.js';
import type { AlertsConfig } from '../config/alerts-schema.js';
import type { KeyValueStore } from '../memory/key-value.js';

const rank: Record<NoticeSeverity, number> = { info: 0, warning: 1, critical: 2 };

/** Channels that speak aloud in the room; quiet hours apply to them. */
const speakingChannels: ReadonlySet<string> = new Set(['voice']);

export interface RouteDecision {
  send: boolean;
  /** Why not, in words for the delivery report: "muted until 14:30", "quiet hours (22:00-07:00)". */
  reason: string;
}

export interface AlertRouting {
  decide(channel: string, severity: NoticeSeverity): RouteDecision;
  /**
   * The daily report (an 'info' notice): no minimum severity drops it, but a mute does, and quiet hours
   * keep it off the speaker.
   */
  decideReport(channel: string): RouteDecision;
  /** Mutes a channel's alert notices until `until` (a runtime mute; the config's `muted` is permanent). */
  mute(channel: string, until: Date): void;
  unmute(channel: string): void;
  /** Runtime mutes that have not ended. */
  mutes(): Array<{ channel: string; until: Date }>;
}

const muteKey = (channel: string) => `alerts.mute.${channel}`;
const muteChannels = ['voice', 'telegram', 'gotify', 'ntfy', 'discord'];

/** The channels alerts are routed to (config.alerts.routes), which `sysvox alerts mute` accepts. */
export const alertChannels = ['voice', 'telegram', 'gotify', 'ntfy'] as const;

export function createAlertRouting(options: {
  config: Pick<AlertsConfig, 'routes' | 'quietHours'>;
  kv: KeyValueStore;
  clock?: () => Date;
}): AlertRouting {
  const clock = options.clock ?? (() => new Date());
  const { routes, quietHours } = options.config;
  const mutedUntil = (channel: string): Date | null => {
    const value = options.kv.get(muteKey(channel));
    if (value === undefined) return null;
    const until = new Date(value);
    return Number.isNaN(until.getTime()) || until <= clock() ? null : until;
  };
  const decide = (channel: string, severity: NoticeSeverity, options: { minSeverity: boolean }): RouteDecision => {
    const route = (routes as Record<string, AlertsConfig['routes']['voice'] | undefined>)[channel];
    if (route?.muted) return { send: false, reason: `muted in alerts.routes.${channel}` };
    const until = mutedUntil(channel);
    if (until) return { send: false, reason: `muted until ${until.toISOString()} (sysvox alerts unmute ${channel})` };
    const minimum = route?.minSeverity ?? 'warning';
    if (options.minSeverity && rank[severity] < rank[minimum])
      return { send: false, reason: `${severity} is below alerts.routes.${channel}.minSeverity (${minimum})` };
    if (speakingChannels.has(channel) && severity !== 'critical' && quietHours && inQuietHours(clock(), quietHours))
      return {
        send: false,
        reason: `quiet hours (${quietHours.start}-${quietHours.end}): only critical alerts are spoken`,
      };
    return { send: true, reason: '' };
  };
  return {
    decide: (channel, severity) => decide(channel, severity, { minSeverity: true }),
    decideReport: (channel) => decide(channel, 'info', { minSeverity: false }),
    mute: (channel, until) => options.kv.set(muteKey(channel), until.toISOString()),
    unmute: (channel) => options.kv.delete(muteKey(channel)),
    mutes: () =>
      muteChannels.flatMap((channel) => {
        const until = mutedUntil(channel);
        return until ? [{ channel, until }] : [];
      }),
  };
}

/** Whether the local time of `now` is inside start..end; a window may cross midnight (22:00-07:00). */
export function inQuietHours(now: Date, window: { start: string; end: string }): boolean {
  const minutes = now.getHours() * 60 + now.getMinutes();
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours as number) * 60 + (minutes as number);
}
