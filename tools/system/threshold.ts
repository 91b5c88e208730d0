/**
 * One measured figure against one threshold rule from config.alerts.rules: firing at or above fireAbove,
 * clear below resolveBelow, and 'hold' in between (hysteresis: a value wavering around one line neither
 * fires nor resolves). Critical at or above criticalAbove. A figure the sampler could not measure (NaN)
 * holds too: it says nothing either way.
 */
import type { AlertsConfig } from '../../src/config/alerts-schema.js';
import type { Observation } from '../../src/toolkit/check.js';
import { localHost } from '../../src/toolkit/host-input.js';

export type ThresholdRule = AlertsConfig['rules']['cpu'];

export interface Measurement {
  /** The rule's name: 'cpu', 'disk' ... */
  rule: string;
  /** What it measures: 'cpu', a mount. */
  target: string;
  value: number;
  /** Both sentences are made from the same value; the engine says the summary while firing, the recovery once clear. */
  summary: string;
  recovery: string;
}

export function conditionOf(rule: ThresholdRule, value: number): Observation['condition'] {
  if (!Number.isFinite(value)) return 'hold';
  if (value >= rule.fireAbove) return 'firing';
  return value < rule.resolveBelow ? 'clear' : 'hold';
}

export function thresholdObservation(rule: ThresholdRule, measurement: Measurement): Observation {
  const { value } = measurement;
  const critical = rule.criticalAbove !== undefined && value >= rule.criticalAbove;
  return {
    rule: measurement.rule,
    target: measurement.target,
    host: localHost,
    condition: conditionOf(rule, value),
    severity: critical ? 'critical' : rule.severity,
    summary: measurement.summary,
    recovery: measurement.recovery,
    ...(Number.isFinite(value) ? { value: Math.round(value * 100) / 100 } : {}),
    for: rule.for,
  };
}
