/**
 * An alert's life as a person hears it: nothing until the condition has held for the rule's `for`,
 * nothing for a blip, no recovery until it has stayed clear for keepFiringFor, and hysteresis that
 * keeps a disk between its thresholds from flapping.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, disk, hour, minute, second, texts, unhealthy, type Harness } from './harness.js';

let harness: Harness;
afterEach(() => harness.close());

const timing = { groupWait: '30s', groupInterval: '5m', repeatInterval: '4h', keepFiringFor: '2m' };

describe('alert lifecycle', () => {
  it("announces nothing until the condition has held for the rule's `for` from config, then once", async () => {
    harness = createHarness({ ...timing, rules: { containerUnhealthy: { for: '2m' } } });
    await harness.runFor(105 * second, 15 * second, () => [unhealthy('nextcloud')]);
    expect(harness.sent).toEqual([]);
    expect(harness.memory.alerts.list()).toMatchObject([{ target: 'nextcloud', state: 'pending' }]);

    await harness.runFor(5 * minute, 15 * second, () => [unhealthy('nextcloud')]);
    expect(texts(harness.sent)).toEqual(['Warning: nextcloud is unhealthy.']);
    // fired at 2 minutes, announced after group_wait
    const fired = harness.memory.alerts.list()[0]!;
    expect(harness.sent[0]!.alerts[0]!.lastNotifiedAt!.getTime() - fired.firedAt!.getTime()).toBe(30 * second);
  });

  it('takes the `for` an observation states over the one in config', async () => {
    harness = createHarness({ ...timing, rules: { containerUnhealthy: { for: '10m' } } });
    await harness.runFor(2 * minute, 15 * second, () => [{ ...unhealthy('plex'), for: 45 * second }]);
    expect(texts(harness.sent)).toEqual(['Warning: plex is unhealthy.']);
  });

  it('drops a pending alert that clears before its `for` without a word, and starts over next time', async () => {
    harness = createHarness({ ...timing, rules: { containerUnhealthy: { for: '2m' } } });
    await harness.runFor(minute, 15 * second, () => [unhealthy('nextcloud')]);
    await harness.report([unhealthy('nextcloud', 'clear')]);
    expect(harness.memory.alerts.list()).toEqual([]);
    await harness.runFor(90 * second, 15 * second, () => [unhealthy('nextcloud')]);
    harness.advance(hour);
    await harness.engine.tick();
    expect(harness.sent).toEqual([]);
  });

  it('keeps an announced alert firing through short clears, and says it resolved only after keepFiringFor', async () => {
    harness = createHarness({ ...timing, rules: { containerUnhealthy: { for: '0s' } } });
    await harness.report([unhealthy('nextcloud')]);
    await harness.runFor(minute, 15 * second, () => [unhealthy('nextcloud')]);
    expect(texts(harness.sent)).toEqual(['Warning: nextcloud is unhealthy.']);

    await harness.runFor(90 * second, 15 * second, () => [unhealthy('nextcloud', 'clear')]);
    await harness.report([unhealthy('nextcloud')]);
    await harness.runFor(105 * second, 15 * second, () => [unhealthy('nextcloud', 'clear')]);
    expect(harness.sent).toHaveLength(1);
    expect(harness.memory.alerts.list()).toMatchObject([{ state: 'firing' }]);

    await harness.runFor(2 * minute, 15 * second, () => [unhealthy('nextcloud', 'clear')]);
    expect(texts(harness.sent)).toEqual(['Warning: nextcloud is unhealthy.', 'Resolved: nextcloud is healthy again.']);
    expect(harness.sent[1]).toMatchObject({ kind: 'resolved', actions: [] });
  });

  it('never says a problem that the last look saw clear: a blip shorter than group_wait is not announced', async () => {
    harness = createHarness({ ...timing, rules: { containerExited: { for: '0s' } } });
    const exited = (condition: 'firing' | 'clear') => ({
      ...unhealthy('backup', condition),
      rule: 'container-exited',
      summary: 'backup exited with code 1',
    });
    await harness.report([exited('firing')]);
    await harness.runFor(hour, 15 * second, () => [exited('clear')]);
    expect(harness.sent).toEqual([]);
    expect(harness.memory.alerts.list()).toEqual([]);
  });

  it('goes on quietly when an alert resolves and fires again before its recovery was said', async () => {
    harness = createHarness({ ...timing, keepFiringFor: '0s', rules: { containerUnhealthy: { for: '0s' } } });
    await harness.runFor(2 * minute, 15 * second, () => [unhealthy('nextcloud')]);
    await harness.report([unhealthy('nextcloud', 'clear')]);
    harness.advance(minute);
    await harness.runFor(10 * minute, 15 * second, () => [unhealthy('nextcloud')]);
    expect(texts(harness.sent)).toEqual(['Warning: nextcloud is unhealthy.']);
    await harness.runFor(10 * minute, 15 * second, () => [unhealthy('nextcloud', 'clear')]);
    expect(texts(harness.sent)).toEqual(['Warning: nextcloud is unhealthy.', 'Resolved: nextcloud is healthy again.']);
  });

  it('fires a disk at its fire threshold, holds it between the thresholds, and resolves it below the lower one', async () => {
    harness = createHarness({ ...timing, keepFiringFor: '0s', rules: { disk: { for: '1m' } } });
    const tank = (percent: number) => [disk('/mnt/tank', percent)];
    await harness.runFor(2 * minute, 15 * second, () => tank(93));
    expect(texts(harness.sent)).toEqual(['Warning: the disk on /mnt/tank is 93 percent full.']);

    // 88 percent is below the fire threshold but above the resolve one: it stays firing, for an hour
    await harness.runFor(hour, minute, () => tank(88));
    expect(harness.sent).toHaveLength(1);
    expect(harness.memory.alerts.list()).toMatchObject([{ state: 'firing', value: 88 }]);

    await harness.runFor(minute, 15 * second, () => tank(80));
    expect(texts(harness.sent).at(-1)).toBe('Resolved: the disk on /mnt/tank is back to 80 percent.');

    // and a disk that climbs to 88 from below never fires at all
    await harness.runFor(hour, minute, () => tank(88));
    expect(harness.sent).toHaveLength(2);
  });

  it('counts a container the check no longer reports as clear, but only for the rule and host the run covers', async () => {
    harness = createHarness({ ...timing, keepFiringFor: '0s', rules: { containerUnhealthy: { for: '0s' } } });
    const covers = [{ rule: 'container-unhealthy', host: 'local' }];
    await harness.report([unhealthy('nextcloud'), unhealthy('plex', 'firing', 'nas')], { covers });
    harness.advance(minute);
    await harness.engine.tick();
    expect(harness.sent).toHaveLength(2);

    harness.advance(6 * minute);
    await harness.report([], { covers });
    harness.advance(minute);
    await harness.engine.tick();
    expect(texts(harness.sent.slice(2))).toEqual(['Resolved: nextcloud is healthy again.']);
    expect(harness.memory.alerts.list().map((alert) => alert.target)).toEqual(['plex']);
  });

  it('updates what it says to the latest observation, and starts a new cycle when a resolved alert fires again', async () => {
    harness = createHarness({ ...timing, keepFiringFor: '0s', maxRepeats: 1, repeatInterval: '1h' });
    await harness.runFor(2 * minute, 15 * second, () => [disk('/srv', 91)]);
    await harness.runFor(hour, 15 * minute, () => [disk('/srv', 96)]);
    expect(texts(harness.sent)).toEqual([
      'Warning: the disk on /srv is 91 percent full.',
      // Turned critical: news again, at once, not a reminder an hour later.
      'Critical: the disk on /srv is 96 percent full.',
    ]);
    await harness.runFor(10 * minute, minute, () => [disk('/srv', 70)]);
    await harness.runFor(10 * minute, minute, () => [disk('/srv', 92)]);
    expect(texts(harness.sent).slice(2)).toEqual([
      'Resolved: the disk on /srv is back to 70 percent.',
      'Warning: the disk on /srv is 92 percent full.',
    ]);
  });
});
