/**
 * "What's wrong?" and "any alerts?" are answered by the router from the alert table the engine keeps:
 * no model, no live check. Silenced alerts are counted, not read out; a table nobody has updated for a
 * while says so instead of sounding sure.
 */
import { describe, expect, it } from 'vitest';
import { alertTools } from '../../tools/alerts/alert-tools.js';
import { alertsAnswer } from '../../tools/alerts/answers.js';
import type { Observation } from '../../src/toolkit/check.js';
import { testRouter } from '../helpers/router-areas.js';
import { createHarness, minute } from './harness.js';

const unhealthy = (name: string): Observation => ({
  rule: 'container-unhealthy',
  target: name,
  host: 'local',
  condition: 'firing',
  severity: 'warning',
  summary: `${name} is unhealthy`,
  recovery: `${name} is healthy again`,
});
const diskFull: Observation = {
  rule: 'disk',
  target: '/mnt/tank',
  host: 'local',
  condition: 'firing',
  severity: 'critical',
  summary: 'the disk on /mnt/tank is 97 percent full',
  recovery: 'the disk on /mnt/tank is back to 80 percent',
  value: 97,
};

describe('the alerts area', () => {
  it.each([
    ["what's wrong?", 'alerts'],
    ['any alerts?', 'alerts'],
    ['are there any alerts', 'alerts'],
    ['what alerts are firing', 'alerts'],
    ['show me the active alerts', 'alerts'],
    ['does anything need my attention', 'alerts'],
    ['what is wrong with docker', 'unhealthy_containers'],
    ["what's broken", 'unhealthy_containers'],
    ['how is the server doing', 'status'],
  ])('"%s" -> %s', (text, intent) => {
    expect(testRouter().match(text, {})?.intent).toBe(intent);
  });

  it('reads the firing alerts, the critical one first, with how long; silenced ones are only counted', async () => {
    const harness = createHarness({
      groupWait: '0s',
      rules: { containerUnhealthy: { for: '0s' }, disk: { for: '0s' } },
    });
    try {
      await harness.report([unhealthy('nextcloud'), unhealthy('plex')]);
      await harness.report([diskFull], { source: 'system.metrics' });
      harness.advance(12 * minute);
      harness.memory.alerts.addSilence({
        rule: null,
        target: 'plex',
        host: null,
        createdBy: 'cli:root',
        comment: 'rebuilding',
        endsAt: new Date(harness.now().getTime() + 60 * minute),
      });
      const tools = alertTools({ store: harness.memory.alerts, checkedAt: () => harness.now() });
      const listed = tools.list.output.parse(await tools.list.execute({}, {} as never));
      expect(alertsAnswer(listed, harness.now())).toBe(
        '2 alerts are firing: critical: the disk on /mnt/tank is 97 percent full, for 12 minutes; and nextcloud is unhealthy, for 12 minutes. 1 more is silenced.',
      );
    } finally {
      harness.close();
    }
  });

  it('with nothing firing says so, and says when the checks have not run lately', async () => {
    const harness = createHarness();
    try {
      const fresh = alertTools({ store: harness.memory.alerts, checkedAt: () => harness.now() });
      expect(alertsAnswer(await fresh.list.execute({}, {} as never), harness.now())).toBe(
        'Nothing is wrong: no alerts are firing.',
      );
      const never = alertTools({ store: harness.memory.alerts, checkedAt: () => null });
      expect(alertsAnswer(await never.list.execute({}, {} as never), harness.now())).toContain(
        'the sysvox service runs them',
      );
      const stale = alertTools({ store: harness.memory.alerts, checkedAt: () => new Date(0) });
      expect(alertsAnswer(await stale.list.execute({}, {} as never), harness.now())).toContain('may be out of date');
    } finally {
      harness.close();
    }
  });
});
