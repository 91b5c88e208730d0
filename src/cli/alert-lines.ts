/**
 * How `sysvox alerts` prints alerts, silences, mutes, history and deliveries: aligned columns, times in
 * local time. Summaries, targets and container names come from untrusted data (container names, command
 * output): every cell passes neutraliseControls and is kept on one line, so nothing can rewrite the
 * terminal or forge a row.
 */
import type { ChannelDelivery } from '../app/channels.js';
import type { AlertEvent, AlertRecord, Silence } from '../memory/alerts.js';
import { neutraliseControls } from '../toolkit/terminal-safe.js';

/** One line of text from outside: controls neutralised, line breaks and runs of spaces made one space. */
export function cell(text: string): string {
  return neutraliseControls(text).replace(/\s+/g, ' ').trim();
}

/** "2026-03-01 08:05" in local time. */
export function localTime(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** Rows as aligned columns (the last column is not padded), one string per line, ending in a newline. */
export function table(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((value, index) => (widths[index] = Math.max(widths[index] ?? 0, value.length)));
  return rows
    .map(
      (row) =>
        `${row.map((value, index) => (index < row.length - 1 ? value.padEnd(widths[index]!) : value)).join('  ')}\n`,
    )
    .join('');
}

export function alertsTable(alerts: readonly AlertRecord[], silenced: (alert: AlertRecord) => boolean): string {
  return table([
    ['ID', 'STATE', 'SEVERITY', 'RULE', 'TARGET', 'HOST', 'SINCE', 'SUMMARY'],
    ...alerts.map((alert) => [
      alert.id,
      `${alert.state}${silenced(alert) && alert.state !== 'resolved' ? ', silenced' : ''}`,
      alert.severity,
      cell(alert.rule),
      cell(alert.target),
      cell(alert.host),
      localTime(
        alert.state === 'resolved' && alert.resolvedAt ? alert.resolvedAt : (alert.firedAt ?? alert.activeSince),
      ),
      cell(alert.summary),
    ]),
  ]);
}

/** "rule disk, target /mnt/tank": the fields a silence names. */
export function silenceMatchers(silence: Pick<Silence, 'rule' | 'target' | 'host'>): string {
  return (['rule', 'target', 'host'] as const)
    .filter((field) => silence[field] !== null)
    .map((field) => `${field} ${cell(silence[field] as string)}`)
    .join(', ');
}

export function silencesTable(silences: readonly Silence[], now: Date): string {
  return table([
    ['ID', 'MATCHES', 'ENDS', 'BY', 'COMMENT'],
    ...silences.map((silence) => [
      silence.id,
      silenceMatchers(silence),
      `${localTime(silence.endsAt)}${silence.endsAt <= now ? ' (ended)' : ''}`,
      cell(silence.createdBy),
      cell(silence.comment),
    ]),
  ]);
}

export function mutesTable(mutes: ReadonlyArray<{ channel: string; until: Date }>): string {
  return table([['CHANNEL', 'MUTED UNTIL'], ...mutes.map((mute) => [mute.channel, localTime(mute.until)])]);
}

export function eventsTable(events: readonly AlertEvent[]): string {
  return table([
    ['AT', 'EVENT', 'ALERT', 'RULE', 'TARGET', 'HOST', 'SUMMARY'],
    ...events.map((event) => [
      localTime(event.at),
      event.kind,
      event.alertId,
      cell(event.rule),
      cell(event.target),
      cell(event.host),
      cell(event.summary),
    ]),
  ]);
}

export function deliveriesTable(deliveries: readonly ChannelDelivery[]): string {
  return table(deliveries.map((delivery) => [`  ${delivery.channel}`, delivery.status, cell(delivery.detail)]));
}
