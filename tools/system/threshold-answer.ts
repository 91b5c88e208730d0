/**
 * The "Yes." or "No." in front of a figure when the question was a check against a number ("is the cpu
 * over 80 percent", "is any disk above 90", "is memory under 50"): the router's {threshold} slot and the
 * template's `compare` ('above' or 'below'). Compared as the figure is spoken (percent and degrees
 * rounded), so "No. CPU is at 80 percent" never answers "is the cpu over 80". Several figures (every
 * disk) answer yes when any one of them does.
 */
import type { RouterSlots } from '../../src/router/types.js';

export function thresholdVerdict(slots: RouterSlots, spokenValues: readonly number[]): string {
  if (slots.threshold === undefined) return '';
  const threshold = Number(slots.threshold);
  const values = spokenValues.filter((value) => Number.isFinite(value));
  if (!Number.isFinite(threshold) || values.length === 0) return '';
  const passes = (value: number) => (slots.compare === 'below' ? value < threshold : value > threshold);
  return values.some(passes) ? 'Yes. ' : 'No. ';
}
