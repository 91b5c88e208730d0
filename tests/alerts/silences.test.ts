/**
 * Silences (by rule, by target, by host; they expire or are ended) and inhibition (a host whose Docker
 * engine is down is not also reported container by container) keep alerts from being announced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Observation } from '../../src/toolkit/check.js';
import { createHarness, disk, hour, minute, second, texts, unhealthy, type Harness } from './harness.js';

let harness: Harness;
afterEach(() => harness.close());

const timing = {
  groupWait: '30s',
  groupInterval: '5m',
  repeatInterval: '4h',
  keepFiringFor: '0s',
  rules: { containerUnhealthy: { for: '0s' }, disk: { for: '0s' }, dockerDown: { for: '0s' } },
};

function silence(fields: { rule?: string; target?: string; host?: string }, forMs: number) {
  return harness.memory.alerts.addSilence({
    rule: fields.rule ?? null,
    target: fields.target ?? null,
    host: fields.host ?? null,
    createdBy: 'cli',
    comment: 'maintenance',
    endsAt: new Date(harness.now().getTime() + forMs),
  });
}

const everything = (): Observation[] => [
  unhealthy('nextcloud'),
  unhealthy('plex'),
  unhealthy('jellyfin', 'firing', 'nas'),
  disk('/mnt/tank', 93),
];

describe('silences', () => {
  it('by rule: no container notice on any host while it lasts, the disk still speaks', async () => {
    harness = createHarness(timing);
    silence({ rule: 'container-unhealthy' }, hour);
    await harness.runFor(minute, 15 * second, everything);
    expect(texts(harness.sent)).toEqual(['Warning: the disk on /mnt/tank is 93 percent full.']);
  });

  it('by target: only that container is left out of the group notice', async () => {
    harness = createHarness(timing);
    silence({ target: 'plex' }, hour);
    await harness.runFor(minute, 15 * second, everything);
    expect(texts(harness.sent)).toEqual([
      'Warning: nextcloud is unhealthy.',
      'Warning: jellyfin is unhealthy.',
      'Warning: the disk on /mnt/tank is 93 percent full.',
    ]);
  });

  it('by host, and by rule and host together (every field it names must match)', async () => {
    harness = createHarness(timing);
    silence({ host: 'nas' }, hour);
    silence({ rule: 'disk', host: 'nas' }, hour);
    silence({ rule: 'disk', target: '/srv' }, hour);
    await harness.runFor(minute, 15 * second, everything);
    expect(texts(harness.sent)).toEqual([
      'Warning: 2 containers are unhealthy: nextcloud and plex.',
      'Warning: the disk on /mnt/tank is 93 percent full.',
    ]);
  });

  it('announces an alert that still fires once its silence expires, and never its recovery while silenced', async () => {
    harness = createHarness(timing);
    silence({ target: 'plex' }, 20 * minute);
    await harness.runFor(19 * minute, minute, () => [unhealthy('plex')]);
    expect(harness.sent).toEqual([]);
    await harness.runFor(2 * minute, 15 * second, () => [unhealthy('plex')]);
    expect(texts(harness.sent)).toEqual(['Warning: plex is unhealthy.']);

    silence({ target: 'plex' }, hour);
    await harness.runFor(10 * minute, minute, () => [unhealthy('plex', 'clear')]);
    harness.advance(2 * hour);
    await harness.engine.tick();
    expect(harness.sent).toHaveLength(1);
  });

  it('speaks again as soon as a silence is ended early', async () => {
    harness = createHarness(timing);
    const quiet = silence({ rule: 'disk' }, 4 * hour);
    await harness.runFor(10 * minute, minute, () => [disk('/mnt/tank', 93)]);
    expect(harness.sent).toEqual([]);
    expect(harness.memory.alerts.endSilence(quiet.id)).toBe(true);
    await harness.runFor(15 * second, 15 * second, () => [disk('/mnt/tank', 93)]);
    expect(texts(harness.sent)).toEqual(['Warning: the disk on /mnt/tank is 93 percent full.']);
  });
});

describe('inhibition', () => {
  const dockerDown = (host: string, condition: Observation['condition'] = 'firing'): Observation => ({
    rule: 'docker-down',
    target: 'docker',
    host,
    condition,
    severity: 'critical',
    summary: `docker on ${host} cannot be reached`,
    recovery: `docker on ${host} answers again`,
  });

  it("while docker is down on a host, that host's container alerts are not announced; other hosts' are", async () => {
    harness = createHarness(timing);
    const observe = () => [dockerDown('nas'), unhealthy('jellyfin', 'firing', 'nas'), unhealthy('plex')];
    await harness.runFor(minute, 15 * second, observe);
    expect(texts(harness.sent)).toEqual(['Critical: docker on nas cannot be reached.', 'Warning: plex is unhealthy.']);
    expect(harness.sent[0]).toMatchObject({ severity: 'critical', key: 'alert:docker-down:nas' });

    // docker comes back and the container is still unhealthy: it is announced at once, the recovery after group_wait
    await harness.runFor(6 * minute, minute, () => [
      dockerDown('nas', 'clear'),
      unhealthy('jellyfin', 'firing', 'nas'),
    ]);
    expect(texts(harness.sent).slice(2)).toEqual([
      'Warning: jellyfin is unhealthy.',
      'Resolved: docker on nas answers again.',
    ]);
  });

  it("'*' inhibits every other rule on the host, and a pending source inhibits nothing", async () => {
    harness = createHarness({ ...timing, inhibit: [{ source: 'host-down', targets: ['*'] }] });
    const hostDown = {
      ...dockerDown('nas'),
      rule: 'host-down',
      target: 'nas',
      summary: 'nas is down',
      for: 5 * minute,
    };
    await harness.runFor(minute, 15 * second, () => [
      hostDown,
      disk('/data', 95, 'nas'),
      unhealthy('a', 'firing', 'nas'),
    ]);
    expect(texts(harness.sent)).toEqual([
      'Critical: the disk on /data is 95 percent full.',
      'Warning: a is unhealthy.',
    ]);
    await harness.runFor(6 * minute, 15 * second, () => [
      hostDown,
      disk('/data', 96, 'nas'),
      unhealthy('a', 'firing', 'nas'),
      unhealthy('b', 'firing', 'nas'),
    ]);
    expect(texts(harness.sent).slice(2)).toEqual(['Critical: nas is down.']);
  });
});
