/**
 * A check's run, checked before the engine trusts it: a malformed observation is dropped with a reason
 * (and its rule/host pair no longer counts as covered, so a broken observation never resolves an alert),
 * and every text field is made plain (plain-text.ts). A check that breaks cannot crash the service.
 */
import type { AlertSeverity, CheckRun, Observation, SuggestedAction } from '../toolkit/check.js';
import { plainText } from './plain-text.js';

export interface ReadRun {
  observations: Observation[];
  covers: Array<{ rule: string; host: string }>;
  /** One line per thing that was dropped, for the log. */
  problems: string[];
}

const ruleName = /^[a-z0-9][a-z0-9:._-]{0,79}$/;
const hostName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;
const toolName = /^[a-z][a-z0-9_]{0,63}$/;
const conditions = new Set(['firing', 'clear', 'hold']);
const severities = new Set<AlertSeverity>(['info', 'warning', 'critical']);

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isName = (value: unknown, pattern: RegExp): value is string => typeof value === 'string' && pattern.test(value);

/** Why `value` is not an observation, or undefined when it is one. */
function problemWith(value: Fields): string | undefined {
  if (!isName(value.rule, ruleName)) return 'rule must be a lowercase name like disk or command:backup-fresh';
  if (!isName(value.host, hostName)) return 'host must be a host name like local or nas';
  if (typeof value.target !== 'string' || !plainText(value.target, 120)) return 'target must be non-empty text';
  if (!conditions.has(value.condition as string)) return 'condition must be firing, clear or hold';
  if (!severities.has(value.severity as AlertSeverity)) return 'severity must be info, warning or critical';
  if (typeof value.summary !== 'string' || typeof value.recovery !== 'string')
    return 'summary and recovery must be text';
  if (value.value !== undefined && value.value !== null && !Number.isFinite(value.value))
    return 'value must be a finite number';
  if (value.for !== undefined && !(Number.isFinite(value.for) && (value.for as number) >= 0))
    return 'for must be a number of milliseconds, 0 or more';
  if (value.action !== undefined && value.action !== null && !isAction(value.action))
    return 'action must name a tool and give its input as an object';
  return undefined;
}

function isAction(value: unknown): value is SuggestedAction {
  return isObject(value) && isName(value.tool, toolName) && isObject(value.input);
}

function clean(value: Fields): Observation {
  const target = plainText(value.target as string, 120);
  return {
    rule: value.rule as string,
    target,
    host: value.host as string,
    condition: value.condition as Observation['condition'],
    severity: value.severity as AlertSeverity,
    summary: plainText(value.summary as string, 240) || `${target}: ${value.rule as string}`,
    recovery: plainText(value.recovery as string, 240) || `${target} is back to normal`,
    ...(typeof value.value === 'number' ? { value: value.value } : {}),
    ...(typeof value.for === 'number' ? { for: value.for } : {}),
    ...(isAction(value.action) ? { action: { tool: value.action.tool, input: { ...value.action.input } } } : {}),
  };
}

export function readRun(run: CheckRun | unknown): ReadRun {
  const problems: string[] = [];
  if (!isObject(run) || !Array.isArray(run.observations))
    return { observations: [], covers: [], problems: ['the run has no observations list'] };
  const observations: Observation[] = [];
  const broken = new Set<string>();
  let coversTrusted = true;
  run.observations.forEach((value: unknown, index) => {
    const problem = isObject(value) ? problemWith(value) : 'it is not an object';
    if (problem === undefined) return void observations.push(clean(value as Fields));
    problems.push(`observation ${index + 1}: ${problem}`);
    if (isObject(value) && typeof value.rule === 'string' && typeof value.host === 'string')
      broken.add(`${value.rule}\u0000${value.host}`);
    else coversTrusted = false;
  });
  const covers: ReadRun['covers'] = [];
  for (const pair of Array.isArray(run.covers) && coversTrusted ? run.covers : []) {
    if (isObject(pair) && isName(pair.rule, ruleName) && isName(pair.host, hostName)) {
      if (!broken.has(`${pair.rule}\u0000${pair.host}`)) covers.push({ rule: pair.rule, host: pair.host });
    } else problems.push('a covers entry is not a { rule, host } pair');
  }
  return { observations, covers, problems };
}
