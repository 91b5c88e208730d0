/**
 * `sysvox alerts`: the alerts the service's checks raised, read from and acted on in SQLite beside the
 * running service (list, ack, history); silences and mutes are in alerts-quiet.ts, the test alert and
 * the daily report in alerts-send.ts.
 */
import type { Command } from 'commander';
import { silences } from '../../alerts/suppression.js';
import type { App } from '../../app/main.js';
import type { AlertRecord, AlertState } from '../../memory/alerts.js';
import { alertsTable, cell, eventsTable, mutesTable, silencesTable } from '../alert-lines.js';
import { withApp } from '../context.js';
import { durationOption } from '../duration-option.js';
import { localPerson } from '../local-person.js';
import { registerQuietCommands } from './alerts-quiet.js';
import { registerSendCommands } from './alerts-send.js';

const everyState: readonly AlertState[] = ['pending', 'firing', 'acknowledged', 'resolved'];
const write = (text: string) => void process.stdout.write(text);

function printAlerts(app: App, all: boolean): void {
  const store = app.memory.alerts;
  const now = new Date();
  const alerts = store.list(all ? { states: everyState } : {});
  const active = store.silences();
  const silenced = (alert: AlertRecord) =>
    active.some((silence) => silence.startsAt <= now && silences(silence, alert));
  if (alerts.length === 0) write(all ? 'No alerts recorded.\n' : 'No alerts are firing.\n');
  else write(alertsTable(alerts, silenced));
  if (active.length > 0) write(`\nActive silences:\n${silencesTable(active, now)}`);
  const mutes = app.alerts.routing.mutes();
  if (mutes.length > 0) write(`\nMuted channels:\n${mutesTable(mutes)}`);
  const routes = Object.entries(app.loaded.config.alerts.routes).filter(([, route]) => route.muted);
  if (routes.length > 0)
    write(`\nMuted in the config (alerts.routes): ${routes.map(([channel]) => channel).join(', ')}\n`);
}

function acknowledge(app: App, id: string): void {
  const store = app.memory.alerts;
  const matches = store.matching(id);
  if (matches.length === 0)
    throw new Error(`no alert has the id ${cell(id)}: sysvox alerts list --all shows every alert with its id`);
  if (matches.length > 1) throw new Error(`more than one alert has an id starting with ${cell(id)}: type more of it`);
  const alert = matches[0] as AlertRecord;
  if (alert.state === 'acknowledged')
    throw new Error(`alert ${alert.id} is already acknowledged (by ${cell(alert.acknowledgedBy ?? 'someone')})`);
  if (alert.state !== 'firing')
    throw new Error(`alert ${alert.id} is ${alert.state}, not firing: only a firing alert can be acknowledged`);
  const acknowledged = store.acknowledge(alert.id, `cli:${localPerson().externalId}`);
  if (!acknowledged) throw new Error(`alert ${alert.id} changed while it was being acknowledged: look again`);
  write(`Acknowledged ${acknowledged.id}: ${cell(acknowledged.summary)}. No reminders about it until it resolves.\n`);
}

export function registerAlerts(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('list, acknowledge, silence and test alerts; mute a channel; the daily report');
  alerts
    .command('list', { isDefault: true })
    .description('the alerts open now, then active silences and muted channels')
    .option('--all', 'include resolved alerts')
    .action(async (options: { all?: boolean }, command: Command) => {
      await withApp(command, {}, async (app) => printAlerts(app, options.all === true));
    });
  alerts
    .command('ack')
    .description('acknowledge a firing alert: no more reminders until it resolves')
    .argument('<id>', 'the alert id, or its first few characters')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withApp(command, {}, async (app) => acknowledge(app, id));
    });
  alerts
    .command('history')
    .description('what fired, was announced, acknowledged and resolved')
    .option('--since <duration>', 'how far back, like 2h or 7d', '24h')
    .action(async (options: { since: string }, command: Command) => {
      const since = new Date(Date.now() - durationOption('--since', options.since));
      await withApp(command, {}, async (app) => {
        const events = app.memory.alerts.events(since);
        write(events.length === 0 ? `No alert events in the last ${options.since}.\n` : eventsTable(events));
      });
    });
  registerQuietCommands(alerts);
  registerSendCommands(alerts);
}
