import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalChannelEvent } from '../../channels/local/ports.js';
import { concatPcm, requireAudio, silence, speak } from '../helpers/audio-fixtures.js';
import { containerStartedAt, createTestApp, dockerEngineReady, type TestApp } from './test-app.js';

const requirement = requireAudio({ commands: ['espeak-ng', 'pocketsphinx_continuous', 'docker'] });
const dockerReady = !requirement.skip && dockerEngineReady();
const plainWords = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

describe.skipIf(!dockerReady)('a voice approval against the real Docker engine', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  }, 60_000);
  afterAll(() => test?.close());

  it('"hey jarvis, restart plex server" asks for the exact phrase; "yes restart plex server" without the wake word restarts it, not before', async () => {
    const before = containerStartedAt('plex-server');
    const startedAtWhenAsked: string[] = [];
    const audio = concatPcm(
      silence(400), speak('hey jarvis'), silence(400), speak('restart plex server'), silence(2500),
      speak('yes restart plex server'), silence(3000),
    );
    const result = await test.listen(audio, (event: LocalChannelEvent) => {
      if (event.type === 'answered' && startedAtWhenAsked.length === 0) startedAtWhenAsked.push(containerStartedAt('plex-server'));
    });
    expect(result.heard[0]).toMatch(/restart .*plex/);
    expect(plainWords(result.answered[0] ?? '')).toContain('yes restart plex server');
    expect(startedAtWhenAsked).toEqual([before]);
    expect(result.heard[1]).toBe('yes restart plex server');
    expect(result.answered[1]).toMatch(/restart/i);
    expect(containerStartedAt('plex-server')).not.toBe(before);
    expect(test.app.listApprovals({ all: false })).toHaveLength(0);
  }, 90_000);
});
