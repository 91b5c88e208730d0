import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/errors.js';
import { createFallbackStt } from '../../voice/stt/fallback-stt.js';
import { FakeStt } from '../../voice/stt/fake-stt.js';
import { silence } from './speech-audio.js';

describe('fallback STT chain', () => {
  it('falls through an engine that fails to the next one', async () => {
    const whisper = new FakeStt('whisper', [new EngineError('whisper', 'server died')]);
    const pocketsphinx = new FakeStt('pocketsphinx', ['is plex healthy']);
    const chain = createFallbackStt([whisper, pocketsphinx]);
    expect(await chain.transcribe(silence(0.5))).toEqual({ text: 'is plex healthy', engine: 'pocketsphinx' });
    expect(whisper.calls).toHaveLength(1);
  });

  it('treats hearing nothing as an answer, not a failure', async () => {
    const whisper = new FakeStt('whisper', ['']);
    const pocketsphinx = new FakeStt('pocketsphinx', ['restart plex']);
    const chain = createFallbackStt([whisper, pocketsphinx]);
    expect((await chain.transcribe(silence(0.5))).text).toBe('');
    expect(pocketsphinx.calls).toHaveLength(0);
  });

  it('says which engines failed when all do', async () => {
    const chain = createFallbackStt([
      new FakeStt('whisper', [new Error('model missing')]),
      new FakeStt('pocketsphinx', [new Error('not installed')]),
    ]);
    await expect(chain.transcribe(silence(0.5))).rejects.toThrow(/whisper: model missing; pocketsphinx: not installed/);
  });

  it('lists each engine in its probe, warning when only a later one works', async () => {
    const chain = createFallbackStt([
      new FakeStt('whisper', [], {
        name: 'stt:whisper',
        status: 'fail',
        detail: 'model missing',
        fix: 'run scripts/fetch-models whisper-base.en',
      }),
      new FakeStt('pocketsphinx', []),
    ]);
    const probe = await chain.probe();
    expect(probe.status).toBe('warn');
    expect(probe.detail).toContain('stt:whisper fail');
    expect(probe.detail).toContain('stt:pocketsphinx ok');
    expect(probe.fix).toBe('run scripts/fetch-models whisper-base.en');
    expect((await chain.probeAll()).map((probe) => `${probe.name} ${probe.status}`)).toEqual([
      'stt:whisper fail',
      'stt:pocketsphinx ok',
    ]);
  });

  it('reports an engine whose probe throws as failed, and the chain as failed when no engine is usable', async () => {
    const broken = new FakeStt('whisper', []);
    broken.probe = () => Promise.reject(new Error('server binary vanished'));
    const chain = createFallbackStt([broken]);
    expect(await chain.probeAll()).toEqual([{ name: 'stt:whisper', status: 'fail', detail: 'server binary vanished' }]);
    expect(await chain.probe()).toMatchObject({ name: 'stt', status: 'fail' });
  });
});
