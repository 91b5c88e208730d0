/**
 * One check run applied to the store in one transaction: each observation moves its alert one step
 * (lifecycle.ts), and an alert of a covered rule/host pair that the run no longer mentions counts as
 * clear (the container was removed, the mount is gone).
 */
import { createHash } from 'node:crypto';
import type { AlertsConfig } from '../config/alerts-schema.js';
import { eventOf, type AlertEngineStore, type AlertRecord } from '../memory/alerts.js';
import type { Observation } from '../toolkit/check.js';
import { onClear, onFiring, onHold, type Identity, type Step } from './lifecycle.js';
import type { ReadRun } from './read-run.js';
import { configuredFor } from './rule-for.js';

/** source/rule/target/host, hashed (hex): the same subject is always the same alert. */
export function fingerprintOf(subject: { source: string; rule: string; target: string; host: string }): string {
  const key = JSON.stringify([subject.source, subject.rule, subject.target, subject.host]);
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

function apply(store: AlertEngineStore, fingerprint: string, step: Step, now: Date): void {
  if (step.kind === 'forget') return store.forget(fingerprint);
  if (step.kind === 'none') return;
  store.save(step.record);
  if (step.happened === 'fired') store.addEvent(eventOf(step.record, 'fired', now));
  if (step.happened === 'resolved')
    store.addEvent({ ...eventOf(step.record, 'resolved', now), summary: step.record.recovery });
}

export function applyRun(
  store: AlertEngineStore,
  options: { source: string; run: ReadRun; now: Date; config: AlertsConfig },
): void {
  const { source, run, now, config } = options;
  const keepFiringForMs = config.keepFiringFor;
  const seen = new Set<string>();
  const stepFor = (observation: Observation, identity: Identity, alert: AlertRecord | undefined) => {
    if (observation.condition === 'firing') {
      const forMs = observation.for ?? configuredFor(config, observation.rule);
      return onFiring(alert, identity, observation, { now, forMs });
    }
    if (observation.condition === 'hold') return onHold(alert, observation);
    return onClear(alert, observation, { now, keepFiringForMs });
  };
  store.transaction(() => {
    for (const observation of run.observations) {
      const subject = { source, rule: observation.rule, target: observation.target, host: observation.host };
      const fingerprint = fingerprintOf(subject);
      seen.add(fingerprint);
      const existing = store.byFingerprint(fingerprint);
      const identity = { ...subject, fingerprint, id: existing?.id ?? store.newId(fingerprint) };
      apply(store, fingerprint, stepFor(observation, identity, existing), now);
    }
    if (run.covers.length === 0) return;
    const covered = new Set(run.covers.map((pair) => `${pair.rule}\u0000${pair.host}`));
    for (const alert of store.openFrom(source)) {
      if (seen.has(alert.fingerprint) || !covered.has(`${alert.rule}\u0000${alert.host}`)) continue;
      apply(store, alert.fingerprint, onClear(alert, undefined, { now, keepFiringForMs }), now);
    }
  });
}
