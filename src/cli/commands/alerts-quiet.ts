/**
 * Keeping alerts quiet from the terminal: silences (by rule, target and/or host, for a while; kept in
 * SQLite, so the running service honours them at once) and runtime mutes of a channel.
 *
 * A silence must name at least one of rule, target or host. One that matches everything would also hide
 * alerts nobody has seen yet; to stop notices on one channel for a while, mute that channel instead.
 */
import type { Command } from 'commander';
import { alertChannels } from '../../alerts/routing.js';
import { silences } from '../../alerts/suppression.js';
import { testableRules } from '../../alerts/test-alert.js';
import { formatDuration } from '../../config/limits.js';
import type { App } from '../../app/main.js';
import { nearestName } from '../../toolkit/nearest-name.js';
import { cell, localTime, silenceMatchers, silencesTable } from '../alert-lines.js';
import { withApp } from '../context.js';
import { durationOption } from '../duration-option.js';
import { localPerson } from '../local-person.js';

const write = (text: string) => void process.stdout.write(text);

interface SilenceOptions {
  rule?: string;
  target?: string;
  host?: string;
  for: string;
  comment?: string;
}

/** A rule no alert, check or inhibit rule knows is most likely a typo: said, but not refused (areas add rules). */
function unknownRuleNote(app: App, rule: string): string | undefined {
  const config = app.loaded.config.alerts;
  const known = new Set([
    ...testableRules(config),
    ...config.inhibit.flatMap((inhibit) => [inhibit.source, ...inhibit.targets]),
    ...app.memory.alerts.list({ states: ['pending', 'firing', 'acknowledged', 'resolved'] }).map((alert) => alert.rule),
  ]);
  if (known.has(rule)) return undefined;
  const near = nearestName(rule, known);
  return `note: no alert or rule is called ${cell(rule)} yet${near ? ` (did you mean ${near}?)` : ''}; the silence is kept anyway`;
}

function addSilence(app: App, options: SilenceOptions): void {
  if (![options.rule, options.target, options.host].some((field) => field?.trim()))
    throw new Error(
      'name what to silence with --rule, --target and/or --host (a silence of every alert is refused; to quiet one channel, use sysvox alerts mute <channel>)',
    );
  const forMs = durationOption('--for', options.for);
  const store = app.memory.alerts;
  const silence = store.addSilence({
    rule: options.rule ?? null,
    target: options.target ?? null,
    host: options.host ?? null,
    createdBy: `cli:${localPerson().externalId}`,
    comment: options.comment ?? '',
    endsAt: new Date(Date.now() + forMs),
  });
  const note = silence.rule === null ? undefined : unknownRuleNote(app, silence.rule);
  if (note) process.stderr.write(`${note}\n`);
  const open = store.list();
  const matched = open.filter((alert) => silences(silence, alert)).length;
  write(
    [
      `Silence ${silence.id} added: ${silenceMatchers(silence)}, until ${localTime(silence.endsAt)} (${formatDuration(forMs)}).`,
      `It matches ${matched} of the ${open.length} alert${open.length === 1 ? '' : 's'} open now.`,
      `sysvox alerts unsilence ${silence.id} ends it sooner.`,
    ].join('\n') + '\n',
  );
}

/** The channel as typed, checked against the alert channels (with a suggestion for a typo). */
function alertChannel(typed: string): string {
  const channel = typed.trim().toLowerCase();
  if ((alertChannels as readonly string[]).includes(channel)) return channel;
  const near = nearestName(channel, alertChannels);
  throw new Error(
    `${cell(typed)} is not an alert channel${near ? ` (did you mean ${near}?)` : ''}: use one of ${alertChannels.join(', ')}`,
  );
}

export function registerQuietCommands(alerts: Command): void {
  alerts
    .command('silence')
    .description('keep matching alerts from being announced for a while')
    .option('--rule <rule>', 'a rule, like disk or container-unhealthy')
    .option('--target <target>', 'what it is about, like /mnt/tank or nextcloud')
    .option('--host <host>', 'the machine, like local')
    .requiredOption('--for <duration>', 'how long, like 30m, 2h or 1d')
    .option('--comment <text>', 'why, for whoever reads sysvox alerts silences')
    .action(async (options: SilenceOptions, command: Command) => {
      await withApp(command, {}, async (app) => addSilence(app, options));
    });
  alerts
    .command('silences')
    .description('the active silences')
    .option('--all', 'include silences that have ended')
    .action(async (options: { all?: boolean }, command: Command) => {
      await withApp(command, {}, async (app) => {
        const list = app.memory.alerts.silences({ all: options.all === true });
        if (list.length === 0) write(options.all ? 'No silences recorded.\n' : 'No silences are active.\n');
        else write(silencesTable(list, new Date()));
      });
    });
  alerts
    .command('unsilence')
    .description('end a silence now')
    .argument('<id>', 'the silence id, or its first few characters')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withApp(command, {}, async (app) => {
        if (!app.memory.alerts.endSilence(id))
          throw new Error(
            `no active silence has an id starting with ${cell(id)} (or several do: type more of it); sysvox alerts silences lists them`,
          );
        write(`Silence ended: matching alerts are announced again.\n`);
      });
    });
  alerts
    .command('mute')
    .description(`stop alert notices on one channel for a while (${alertChannels.join(', ')})`)
    .argument('<channel>', alertChannels.join(', '))
    .option('--for <duration>', 'how long, like 30m, 2h or 1d', '1h')
    .action(async (typed: string, options: { for: string }, command: Command) => {
      const channel = alertChannel(typed);
      const until = new Date(Date.now() + durationOption('--for', options.for));
      await withApp(command, {}, async (app) => {
        app.alerts.routing.mute(channel, until);
        write(`${channel} is muted until ${localTime(until)}: sysvox alerts unmute ${channel} ends it sooner.\n`);
      });
    });
  alerts
    .command('unmute')
    .description('end a channel mute now')
    .argument('<channel>', alertChannels.join(', '))
    .action(async (typed: string, _options: unknown, command: Command) => {
      const channel = alertChannel(typed);
      await withApp(command, {}, async (app) => {
        const wasMuted = app.alerts.routing.mutes().some((mute) => mute.channel === channel);
        app.alerts.routing.unmute(channel);
        write(wasMuted ? `${channel} is unmuted.\n` : `${channel} was not muted.\n`);
        const routes = app.loaded.config.alerts.routes as Record<string, { muted: boolean }>;
        if (routes[channel]?.muted)
          write(`It stays muted by alerts.routes.${channel}.muted in the config (${app.loaded.path ?? 'defaults'}).\n`);
      });
    });
}
