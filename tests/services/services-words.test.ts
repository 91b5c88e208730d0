/**
 * The services and storage words in the real router (every registered area): the questions,
 * a host said in words ("the media box" for the host media-box, once the SSH registry names it), and
 * names that are no unit falling through to Docker or the brain.
 */
import { describe, expect, it } from 'vitest';
import { testRouter } from '../helpers/router-areas.js';
import { testVocabulary } from '../router/vocabulary.js';

const router = testRouter();
const vocabulary = {
  ...testVocabulary,
  host: [...(testVocabulary.host ?? []), 'media-box'],
  unit: ['jellyfin.service', 'nginx.service'],
};
const match = (text: string) => {
  const found = router.match(text, vocabulary);
  return found ? { intent: found.intent, ...found.slots } : null;
};

describe('the services and storage words', () => {
  it.each([
    ['Which services failed?', { intent: 'failed_units' }],
    ['Is jellyfin running?', { intent: 'unit_status', unit: 'jellyfin.service' }],
    ['Restart jellyfin on the media box.', { intent: 'unit_restart', unit: 'jellyfin.service', host: 'media-box' }],
    ['Is the pool on tank degraded?', { intent: 'pool_status', host: 'tank', ask: 'degraded' }],
    ['How are my disks?', { intent: 'disk_health' }],
    ['Show the last logs of nginx', { intent: 'unit_logs', unit: 'nginx.service' }],
    ['which services failed on the media box', { intent: 'failed_units', host: 'media-box' }],
  ])('%s', (text, expected) => {
    expect(match(text)).toEqual(expected);
  });

  it('leaves a name that is no unit to Docker, and a hostile one to nobody as a unit', () => {
    expect(match('restart plex')?.intent).toBe('container_restart');
    for (const text of ['restart x; rm -rf /', 'restart $(reboot)', 'stop `id`'])
      expect(String(match(text)?.intent ?? 'no match')).not.toMatch(/^unit_/);
  });
});
