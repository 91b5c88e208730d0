/**
 * Counts each container's restarts within a sliding window (containerRestartLoop's `within`) from Docker's
 * RestartCount, sampled on every run and kept in memory per container id. The first samples after sysvox
 * starts cannot span the window yet: then a loop already seen counts, and anything less is 'not known yet'
 * (the check says 'hold', so an alert from before the restart neither resolves nor fires again).
 */
import type { ContainerCondition } from './container-condition.js';

interface Sample {
  at: number;
  count: number;
}

export interface RestartTally {
  /** Restarts counted within the window (at least; a hand-made start resets Docker's count). */
  restarts: number;
  /** Whether the samples reach back the whole window, so a low count is a real one. */
  complete: boolean;
}

export interface RestartWindow {
  record(container: ContainerCondition, now: number): RestartTally;
  /** Forgets the containers that are gone. */
  keepOnly(ids: ReadonlySet<string>): void;
}

export function createRestartWindow(withinMs: number): RestartWindow {
  const samples = new Map<string, Sample[]>();
  return {
    record(container, now) {
      const start = now - withinMs;
      const previous = samples.get(container.id) ?? [];
      // A count that went down was reset by a hand-made start: the old samples no longer compare.
      const kept = previous.at(-1) !== undefined && previous.at(-1)!.count > container.restartCount ? [] : previous;
      kept.push({ at: now, count: container.restartCount });
      // Keep the window's samples and the last one before it, the baseline that spans the whole window.
      const firstInside = kept.findIndex((sample) => sample.at >= start);
      const trimmed = kept.slice(Math.max(0, firstInside - 1));
      samples.set(container.id, trimmed);
      const baseline = trimmed[0]!;
      // Every restart of a container created inside the window happened inside it.
      const created = container.createdAt.getTime();
      if (created >= start && created <= baseline.at) return { restarts: container.restartCount, complete: true };
      return { restarts: container.restartCount - baseline.count, complete: baseline.at <= start };
    },
    keepOnly(ids) {
      for (const id of samples.keys()) if (!ids.has(id)) samples.delete(id);
    },
  };
}
