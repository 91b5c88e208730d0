import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalChannelEvent } from '../../channels/local/ports.js';
import { concatPcm, requireAudio, silence, speak } from '../helpers/audio-fixtures.js';
import { startTestContainer, type TestContainer } from '../core/test-container.js';
import { containerStartedAt, createTestApp, dockerEngineReady, type TestApp } from './test-app.js';

const requirement = requireAudio({ commands: ['espeak-ng', 'pocketsphinx_continuous', 'docker'] });
const dockerReady = !requirement.skip && dockerEngineReady();
const plainWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const request = () =>
  concatPcm(silence(400), speak('hey jarvis'), silence(400), speak('restart plex server'), silence(2500));

describe.skipIf(!dockerReady)('a voice approval against the real Docker engine', () => {
  let test: TestApp;
  // Made before the app, so the container names the recogniser's grammar is built from include it.
  let music: TestContainer;
  beforeAll(async () => {
    music = startTestContainer({ prefix: 'music', name: 'music' });
    test = await createTestApp();
  }, 60_000);
  afterAll(async () => {
    music?.remove();
    await test?.close();
  });

  async function listenAndWatch(audio: ReturnType<typeof concatPcm>) {
    const before = containerStartedAt('plex-server');
    const startedAtWhenAsked: string[] = [];
    const result = await test.listen(audio, (event: LocalChannelEvent) => {
      if (event.type === 'answered' && startedAtWhenAsked.length === 0)
        startedAtWhenAsked.push(containerStartedAt('plex-server'));
    });
    return { before, startedAtWhenAsked, result };
  }

  /**
   * pocketsphinx with the whole command grammar hears espeak-ng's "restart plex server" as "stop ..."
   * or nothing (see the report), so here the first transcript is given; everything else is real:
   * the confirmation audio, the narrowed grammar, the core, policy, SQLite and Docker.
   */
  it('asks for the exact phrase; "yes restart plex server" without the wake word restarts plex-server, not before', async () => {
    const engines = await test.app.voice.engines();
    const transcribe = engines.stt.transcribe.bind(engines.stt);
    let calls = 0;
    engines.stt.transcribe = async (audio, options) =>
      ++calls === 1 ? { text: 'restart plex server', engine: 'given' } : transcribe(audio, options);
    try {
      const { before, startedAtWhenAsked, result } = await listenAndWatch(
        concatPcm(request(), speak('yes restart plex server'), silence(3000)),
      );
      expect(plainWords(result.answered[0] ?? '')).toContain('yes restart plex server');
      expect(startedAtWhenAsked).toEqual([before]);
      expect(result.heard[1]).toBe('yes restart plex server');
      expect(containerStartedAt('plex-server')).not.toBe(before);
      expect(test.app.listApprovals({ all: false })).toHaveLength(0);
    } finally {
      engines.stt.transcribe = transcribe;
    }
  }, 90_000);

  it('a confirmation that does not name the target restarts nothing', async () => {
    const engines = await test.app.voice.engines();
    const transcribe = engines.stt.transcribe.bind(engines.stt);
    let calls = 0;
    engines.stt.transcribe = async (audio, options) =>
      ++calls === 1 ? { text: 'restart plex server', engine: 'given' } : transcribe(audio, options);
    try {
      const { before, result } = await listenAndWatch(concatPcm(request(), speak('yes'), silence(3000)));
      expect(plainWords(result.answered[0] ?? '')).toContain('yes restart plex server');
      expect(result.heard.slice(1).every((text) => !plainWords(text).includes('plex server'))).toBe(true);
      expect(containerStartedAt('plex-server')).toBe(before);
    } finally {
      engines.stt.transcribe = transcribe;
    }
  }, 90_000);

  // The whole scenario from audio alone, on a test-owned container called "music". pocketsphinx 0.8 hears
  // espeak-ng's "restart music" right in en-us, en and en-gb at 140 and 160 wpm (6 of 6), while
  // "plex server" decodes as "job"/"web" in every voice tried (see the transcript-given tests above), so
  // the audio-only run uses a name the offline grammar recogniser can hear. Whisper has no such limit.
  it('the whole scenario from audio alone: asked, confirmed by voice without the wake word, restarted once', async () => {
    const before = music.startedAt();
    const startedAtWhenAsked: string[] = [];
    const audio = concatPcm(
      silence(400),
      speak('hey jarvis'),
      silence(400),
      speak('restart music'),
      silence(2500),
      speak('yes restart music'),
      silence(3000),
    );
    const result = await test.listen(audio, (event: LocalChannelEvent) => {
      if (event.type === 'answered' && startedAtWhenAsked.length === 0) startedAtWhenAsked.push(music.startedAt());
    });
    const trace = JSON.stringify(
      result.events.map((event) => ('text' in event ? `${event.type}: ${String(event.text)}` : event.type)),
    );
    expect(result.heard[0], trace).toBe('restart music');
    expect(plainWords(result.answered[0] ?? '')).toContain('yes restart music');
    expect(startedAtWhenAsked).toEqual([before]);
    expect(result.heard[1]).toBe('yes restart music');
    expect(music.startedAt()).not.toBe(before);
    expect(test.app.listApprovals({ all: false }).filter((row) => row.description.includes("'music'"))).toHaveLength(0);
  }, 90_000);
});
