/**
 * `sysvox alerts test <rule>` and `sysvox alerts report [--send]`: a notice sent from the terminal through
 * the real routes (severity, mutes, quiet hours) to every configured channel, built to send only (no
 * Telegram polling beside the service's, no microphone), with what became of it on each channel.
 */
import type { Command } from 'commander';
import { ruleSeverity, testableRules, testNotice } from '../../alerts/test-alert.js';
import type { App } from '../../app/main.js';
import type { ChannelDelivery } from '../../app/channels.js';
import type { Channel } from '../../core/channel.js';
import type { AlertSeverity } from '../../toolkit/check.js';
import { nearestName } from '../../toolkit/nearest-name.js';
import { neutraliseControls } from '../../toolkit/terminal-safe.js';
import { cell, deliveriesTable } from '../alert-lines.js';
import { withApp } from '../context.js';

const severities: readonly AlertSeverity[] = ['info', 'warning', 'critical'];
const write = (text: string) => void process.stdout.write(text);

async function noticeChannels(app: App): Promise<Channel[]> {
  const channels = await app.noticeChannels();
  if (channels.length === 0)
    throw new Error(
      'no channel to send to: enable voice, channels.telegram, channels.gotify or channels.ntfy in the config',
    );
  return channels;
}

/** Prints each channel's delivery; a failed one makes the command exit 1. */
function report(deliveries: readonly ChannelDelivery[]): void {
  write(deliveriesTable(deliveries));
  if (deliveries.some((delivery) => delivery.status === 'failed')) process.exitCode = 1;
}

function severityOption(typed: string | undefined, rule: string, app: App): AlertSeverity {
  if (typed === undefined) return ruleSeverity(app.loaded.config.alerts, rule) as AlertSeverity;
  const severity = severities.find((level) => level === typed.trim().toLowerCase());
  if (!severity) throw new Error(`--severity must be one of ${severities.join(', ')}, not ${cell(typed)}`);
  return severity;
}

async function sendTest(app: App, rule: string, typedSeverity: string | undefined): Promise<void> {
  const config = app.loaded.config.alerts;
  const rules = testableRules(config);
  if (!rules.includes(rule)) {
    const near = nearestName(rule, rules);
    throw new Error(
      `no rule is called ${cell(rule)}${near ? ` (did you mean ${near}?)` : ''}; rules: ${rules.join(', ')}`,
    );
  }
  const notice = testNotice(config, rule, severityOption(typedSeverity, rule, app));
  const channels = await noticeChannels(app);
  write(`Sending a test ${rule} alert (${notice.severity}): "${notice.text}"\n`);
  report(await app.alerts.send(notice, channels, { requireRunning: false }));
}

export function registerSendCommands(alerts: Command): void {
  alerts
    .command('test')
    .description('send a test alert through the real routes to every configured channel')
    .argument('<rule>', 'the rule it stands for: disk, cpu, container-unhealthy, command:<name> ...')
    .option('--severity <level>', `instead of the rule's configured one: ${severities.join(', ')}`)
    .action(async (rule: string, options: { severity?: string }, command: Command) => {
      await withApp(command, {}, async (app) => sendTest(app, rule.trim(), options.severity));
    });
  alerts
    .command('report')
    .description("print today's daily report (what fired and resolved, what is wrong, disk use)")
    .option('--send', 'also send it through the daily report routes')
    .action(async (options: { send?: boolean }, command: Command) => {
      await withApp(command, {}, async (app) => {
        const notice = await app.alerts.report.compose();
        write(`${neutraliseControls(notice.text)}\n`);
        if (!options.send) return;
        const channels = await noticeChannels(app);
        report(await app.alerts.sendReport(notice, channels, { requireRunning: false }));
      });
    });
}
