/**
 * Notices as Alertmanager times them: a wave of failures in one minute is one notice naming them all,
 * later additions wait group_interval, a still-firing group is repeated every repeat_interval up to
 * the cap, an acknowledged alert is not repeated, and announced alerts get a recovery notice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, hour, minute, second, texts, unhealthy, type Harness } from './harness.js';

let harness: Harness;
afterEach(() => harness.close());

const timing = {
  groupWait: '30s',
  groupInterval: '5m',
  repeatInterval: '1h',
  maxRepeats: 2,
  keepFiringFor: '0s',
  rules: { containerUnhealthy: { for: '0s' } },
};

describe('grouping and repeats', () => {
  it('gives one notice naming all three containers that failed in the same minute', async () => {
    harness = createHarness(timing);
    await harness.report([unhealthy('nextcloud')]);
    harness.advance(10 * second);
    await harness.report([unhealthy('nextcloud'), unhealthy('plex')]);
    harness.advance(15 * second);
    await harness.report([unhealthy('nextcloud'), unhealthy('plex'), unhealthy('immich')]);
    await harness.runFor(10 * minute, 15 * second, () =>
      ['nextcloud', 'plex', 'immich'].map((name) => unhealthy(name)),
    );

    expect(texts(harness.sent)).toEqual(['Warning: 3 containers are unhealthy: nextcloud, plex and immich.']);
    expect(harness.sent[0]).toMatchObject({
      key: 'alert:container-unhealthy:local',
      kind: 'firing',
      severity: 'warning',
    });
    expect(harness.sent[0]!.alerts.map((alert) => alert.target)).toEqual(['nextcloud', 'plex', 'immich']);
  });

  it('names a long list briefly, and keeps other hosts and rules in their own notices', async () => {
    harness = createHarness(timing);
    const names = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7', 'h8'];
    await harness.report([
      ...names.map((name) => unhealthy(name)),
      unhealthy('jellyfin', 'firing', 'nas'),
      { ...unhealthy('backup'), rule: 'container-exited', summary: 'backup exited with code 1' },
    ]);
    harness.advance(30 * second);
    await harness.engine.tick();
    expect(texts(harness.sent)).toEqual([
      'Warning: 8 containers are unhealthy: a1, b2, c3, d4, e5 and 3 more.',
      'Warning: jellyfin is unhealthy.',
      'Warning: backup exited with code 1.',
    ]);
  });

  it('waits group_interval before a notice about an alert that joins a group that has notified', async () => {
    harness = createHarness(timing);
    await harness.report([unhealthy('nextcloud')]);
    harness.advance(30 * second);
    await harness.report([unhealthy('nextcloud')]);
    harness.advance(minute);
    await harness.report([unhealthy('nextcloud'), unhealthy('plex')]);
    await harness.runFor(3 * minute + 15 * second, 15 * second, () => [unhealthy('nextcloud'), unhealthy('plex')]);
    expect(harness.sent).toHaveLength(1);

    await harness.runFor(minute, 15 * second, () => [unhealthy('nextcloud'), unhealthy('plex')]);
    expect(texts(harness.sent)).toEqual(['Warning: nextcloud is unhealthy.', 'Warning: plex is unhealthy.']);
    const [first, second_] = harness.sent.map((notice) => notice.alerts[0]!.lastNotifiedAt!.getTime());
    expect(second_! - first!).toBe(5 * minute);
  });

  it('repeats a still-firing group every repeat_interval, at most maxRepeats times, then stays quiet', async () => {
    harness = createHarness(timing);
    await harness.runFor(10 * hour, minute, () => [unhealthy('nextcloud')]);
    expect(texts(harness.sent)).toEqual([
      'Warning: nextcloud is unhealthy.',
      'Reminder. Warning: nextcloud is unhealthy.',
      'Reminder. Warning: nextcloud is unhealthy.',
    ]);
    expect(harness.sent.map((notice) => notice.kind)).toEqual(['firing', 'repeat', 'repeat']);
    const times = harness.sent.map((notice) => notice.alerts[0]!.lastNotifiedAt!.getTime());
    expect(times[1]! - times[0]!).toBe(hour);
    expect(times[2]! - times[1]!).toBe(hour);

    // it resolves (a recovery is said even after the cap) and a new cycle is announced and repeated again
    await harness.report([unhealthy('nextcloud', 'clear')]);
    await harness.runFor(10 * minute, minute, () => [unhealthy('nextcloud', 'clear')]);
    await harness.runFor(hour + 10 * minute, minute, () => [unhealthy('nextcloud')]);
    expect(texts(harness.sent.slice(3))).toEqual([
      'Resolved: nextcloud is healthy again.',
      'Warning: nextcloud is unhealthy.',
      'Reminder. Warning: nextcloud is unhealthy.',
    ]);
  });

  it('announces again, at once, a warning that turns critical; staying critical adds nothing until the repeat', async () => {
    harness = createHarness(timing);
    const disk = (percent: number) => ({
      ...unhealthy('/mnt/tank'),
      rule: 'disk',
      severity: percent >= 97 ? ('critical' as const) : ('warning' as const),
      summary: `the disk on /mnt/tank is ${percent} percent full`,
      recovery: 'the disk on /mnt/tank is back to normal',
      value: percent,
    });
    await harness.runFor(10 * minute, 15 * second, () => [disk(93)]);
    await harness.runFor(20 * minute, 15 * second, () => [disk(98)]);
    expect(texts(harness.sent)).toEqual([
      'Warning: the disk on /mnt/tank is 93 percent full.',
      'Critical: the disk on /mnt/tank is 98 percent full.',
    ]);
    expect(harness.sent[1]).toMatchObject({ kind: 'firing', severity: 'critical' });
  });

  it('stops repeating an alert someone acknowledged, and still says when it resolves', async () => {
    harness = createHarness(timing);
    await harness.runFor(minute, 15 * second, () => [unhealthy('nextcloud')]);
    expect(harness.sent).toHaveLength(1);
    const id = harness.sent[0]!.alerts[0]!.id;
    expect(harness.memory.alerts.acknowledge(id.slice(0, 4), 'telegram:42')).toMatchObject({ state: 'acknowledged' });

    await harness.runFor(6 * hour, minute, () => [unhealthy('nextcloud')]);
    expect(harness.sent).toHaveLength(1);
    await harness.runFor(minute, 15 * second, () => [unhealthy('nextcloud', 'clear')]);
    expect(texts(harness.sent)).toEqual(['Warning: nextcloud is unhealthy.', 'Resolved: nextcloud is healthy again.']);
  });

  it('gathers recoveries in the same minute into one notice, and says nothing about alerts it never announced', async () => {
    harness = createHarness(timing);
    await harness.runFor(minute, 15 * second, () => ['nextcloud', 'plex', 'immich'].map((name) => unhealthy(name)));
    harness.advance(10 * minute);
    await harness.report([
      unhealthy('nextcloud', 'clear'),
      unhealthy('plex'),
      unhealthy('immich'),
      unhealthy('sonarr'),
    ]);
    harness.advance(5 * second);
    await harness.report([unhealthy('plex', 'clear'), unhealthy('immich'), unhealthy('sonarr', 'clear')]);
    harness.advance(10 * second);
    await harness.report([unhealthy('immich', 'clear')]);
    await harness.runFor(10 * minute, 15 * second, () => []);
    expect(texts(harness.sent)).toEqual([
      'Warning: 3 containers are unhealthy: nextcloud, plex and immich.',
      'Resolved: 3 containers are healthy again: nextcloud, plex and immich.',
    ]);
  });
});
