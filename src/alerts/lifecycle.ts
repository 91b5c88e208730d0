/**
 * One alert's life, as pure steps (Prometheus semantics): 'firing' starts a pending alert that fires
 * once it has held for the rule's `for`; 'clear' drops a pending alert silently and resolves a firing
 * one only after it has stayed clear for keepFiringFor (flap damping); 'hold' (inside the hysteresis
 * band) keeps whatever state it is in. Each step returns the record to save and what happened.
 */
import type { AlertRecord } from '../memory/alerts.js';
import type { Observation } from '../toolkit/check.js';

export type Step =
  | { kind: 'save'; record: AlertRecord; happened?: 'fired' | 'resolved' }
  /** A pending alert cleared before it fired: it leaves no trace. */
  | { kind: 'forget' }
  | { kind: 'none' };

/** Who the alert is about; fixed for its fingerprint. */
export type Identity = Pick<AlertRecord, 'id' | 'fingerprint' | 'source' | 'rule' | 'target' | 'host'>;

const latest = (observation: Observation) => ({
  severity: observation.severity,
  summary: observation.summary,
  recovery: observation.recovery,
  value: observation.value ?? null,
  action: observation.action ?? null,
});

/** A new cycle: pending from now, with nothing announced yet. */
function newCycle(identity: Identity, observation: Observation, now: Date): AlertRecord {
  return {
    ...identity,
    ...latest(observation),
    state: 'pending',
    activeSince: now,
    firedAt: null,
    resolvedAt: null,
    lastFiringAt: now,
    clearSince: null,
    notifications: 0,
    announcedSeverity: null,
    lastNotifiedAt: null,
    recoveryOwed: false,
    recoveryNotified: false,
    approvalId: null,
    acknowledgedBy: null,
  };
}

export function onFiring(
  alert: AlertRecord | undefined,
  identity: Identity,
  observation: Observation,
  options: { now: Date; forMs: number },
): Step {
  const { now } = options;
  if (alert?.state === 'resolved' && alert.recoveryOwed) {
    // Announced, resolved, and firing again before its recovery was said: nobody heard it end, so the
    // same cycle goes on (no second "firing" notice, no recovery, an acknowledgement still holds)
    // instead of flapping out loud.
    const state = alert.acknowledgedBy === null ? ('firing' as const) : ('acknowledged' as const);
    const resumed = { ...alert, ...latest(observation), state, resolvedAt: null, recoveryOwed: false };
    return { kind: 'save', record: { ...resumed, lastFiringAt: now, clearSince: null }, happened: 'fired' };
  }
  const base = !alert || alert.state === 'resolved' ? newCycle(identity, observation, now) : alert;
  const record: AlertRecord = { ...base, ...latest(observation), lastFiringAt: now, clearSince: null };
  if (record.state === 'pending' && now.getTime() - record.activeSince.getTime() >= options.forMs)
    return { kind: 'save', record: { ...record, state: 'firing', firedAt: now }, happened: 'fired' };
  return { kind: 'save', record };
}

export function onClear(
  alert: AlertRecord | undefined,
  observation: Observation | undefined,
  options: { now: Date; keepFiringForMs: number },
): Step {
  if (!alert || alert.state === 'resolved') return { kind: 'none' };
  if (alert.state === 'pending') return { kind: 'forget' };
  const clearSince = alert.clearSince ?? options.now;
  const seen = observation ? { recovery: observation.recovery, value: observation.value ?? alert.value } : {};
  const record: AlertRecord = { ...alert, ...seen, clearSince };
  if (options.now.getTime() - clearSince.getTime() < options.keepFiringForMs) return { kind: 'save', record };
  const resolved: AlertRecord = {
    ...record,
    state: 'resolved',
    resolvedAt: options.now,
    clearSince: null,
    recoveryOwed: record.notifications > 0,
  };
  return { kind: 'save', record: resolved, happened: 'resolved' };
}

/** Inside the hysteresis band a firing alert still fires (its keepFiringFor clock stops) and a pending one waits. */
export function onHold(alert: AlertRecord | undefined, observation: Observation): Step {
  if (!alert || alert.state === 'resolved') return { kind: 'none' };
  const record: AlertRecord = { ...alert, ...latest(observation) };
  return { kind: 'save', record: alert.state === 'pending' ? record : { ...record, clearSince: null } };
}
