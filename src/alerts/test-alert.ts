/**
 * What `sysvox alerts test <rule>` sends: the rule names a person may test (the built-in rules, and each
 * command check as command:<name>), each rule's configured severity, and a notice that says plainly it is
 * a test: "Test alert from sysvox: this is how a disk alert sounds. Nothing is wrong."
 */
import type { AlertsConfig } from '../config/alerts-schema.js';
import type { Notice } from '../core/channel.js';
import type { AlertSeverity } from '../toolkit/check.js';

type Rules = AlertsConfig['rules'];

/** The built-in rules as alerts name them, with the words for "this is how ... sounds" and the configured severity. */
const builtInRules: Record<string, { sounds: string; severity: (rules: Rules) => AlertSeverity }> = {
  cpu: { sounds: 'a CPU alert', severity: (rules) => rules.cpu.severity },
  memory: { sounds: 'a memory alert', severity: (rules) => rules.memory.severity },
  disk: { sounds: 'a disk alert', severity: (rules) => rules.disk.severity },
  temperature: { sounds: 'a temperature alert', severity: (rules) => rules.temperature.severity },
  load: { sounds: 'a load alert', severity: (rules) => rules.load.severity },
  'container-unhealthy': {
    sounds: 'an unhealthy container alert',
    severity: (rules) => rules.containerUnhealthy.severity,
  },
  'container-exited': { sounds: 'an exited container alert', severity: (rules) => rules.containerExited.severity },
  'container-restart-loop': {
    sounds: 'a restart loop alert',
    severity: (rules) => rules.containerRestartLoop.severity,
  },
  'docker-down': { sounds: 'a Docker down alert', severity: (rules) => rules.dockerDown.severity },
};

const commandPrefix = 'command:';

/** Every rule name `alerts test` accepts: the built-in ones, then command:<name> for each command check. */
export function testableRules(config: AlertsConfig): string[] {
  return [...Object.keys(builtInRules), ...config.commands.map((command) => `${commandPrefix}${command.name}`)];
}

function commandCheck(config: AlertsConfig, rule: string) {
  if (!rule.startsWith(commandPrefix)) return undefined;
  return config.commands.find((command) => command.name === rule.slice(commandPrefix.length));
}

/** The severity config gives the rule; undefined for a rule it does not know. */
export function ruleSeverity(config: AlertsConfig, rule: string): AlertSeverity | undefined {
  return builtInRules[rule]?.severity(config.rules) ?? commandCheck(config, rule)?.severity;
}

/** The synthetic notice for a known rule; its key is test:<rule>, so it never replaces a real alert's notice. */
export function testNotice(config: AlertsConfig, rule: string, severity: AlertSeverity): Notice {
  const command = commandCheck(config, rule);
  const sounds = builtInRules[rule]?.sounds ?? `an alert from the ${command?.description ?? command?.name} check`;
  return {
    key: `test:${rule}`,
    severity,
    text: `Test alert from sysvox: this is how ${sounds} sounds. Nothing is wrong.`,
  };
}
