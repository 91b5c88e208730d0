/**
 * How long a rule's condition must hold before it fires (its `for`). A check may say so on its
 * observations; when it does not, the rule is looked up in config.alerts by its name.
 */
import type { AlertsConfig } from '../config/alerts-schema.js';

const thresholdRules = ['cpu', 'memory', 'disk', 'temperature', 'load'] as const;

/** The configured `for` (ms) of a rule name as observations spell it; 0 for a rule config does not know. */
export function configuredFor(config: AlertsConfig, rule: string): number {
  const threshold = thresholdRules.find((name) => name === rule);
  if (threshold) return config.rules[threshold].for;
  if (rule === 'container-unhealthy') return config.rules.containerUnhealthy.for;
  if (rule === 'container-exited') return config.rules.containerExited.for;
  if (rule === 'docker-down') return config.rules.dockerDown.for;
  if (rule.startsWith('command:')) {
    const name = rule.slice('command:'.length);
    return config.commands.find((command) => command.name === name)?.for ?? 0;
  }
  return 0;
}
