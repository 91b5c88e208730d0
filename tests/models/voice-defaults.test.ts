/**
 * The default voice config uses Whisper base.en and the Piper medium voice when they are fetched, and
 * falls back to pocketsphinx and espeak-ng otherwise; `sysvox doctor` says which chain is in use and why.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app/main.js';
import type { EngineProbe } from '../../src/probe.js';
import { findModel } from '../../models/manifest.js';
import { defaultMirror } from '../../models/model-files.js';
import { closedPortUrl } from '../core/core-test-app.js';

const mirror = defaultMirror();
if (!mirror && process.env.CI === 'true')
  throw new Error('CI=true but no model mirror (SYSVOX_MODEL_MIRROR or ../shared/models)');

async function doctorLines(dataDir: string): Promise<Map<string, EngineProbe>> {
  const env = {
    PATH: '/usr/bin:/bin',
    SYSVOX_DATA: dataDir,
    SYSVOX_MODEL_MIRROR: mirror,
    SYSVOX_OLLAMA_HOST: await closedPortUrl(),
    DOCKER_HOST: (await closedPortUrl()).replace('http://', 'tcp://'),
  };
  const app = await createApp({ logTo: 'stderr', logLevel: 'error', env });
  try {
    return new Map((await app.doctor()).map((probe) => [probe.name, probe]));
  } finally {
    await app.close();
  }
}

describe.skipIf(!mirror)('the default speech engines', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-voice-defaults-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('falls back to pocketsphinx and espeak-ng without Whisper and Piper, and says how to get them', async () => {
    const lines = await doctorLines(join(folder, 'empty'));
    expect(lines.get('speech-to-text')).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(/^using pocketsphinx; whisper left out: /),
      fix: expect.stringMatching(/sysvox models fetch whisper-base\.en|scripts\/build-whisper\.sh/),
    });
    expect(lines.get('text-to-speech')).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(/^using espeak-ng; piper left out: no piper binary/),
      fix: expect.stringContaining('sysvox models fetch piper'),
    });
  });

  it('uses Piper with the en_US-lessac-medium voice once the binary and voice are in the models folder', async () => {
    const models = join(folder, 'with-piper', 'models');
    mkdirSync(join(models, 'piper'), { recursive: true });
    mkdirSync(join(models, 'voices'), { recursive: true });
    writeFileSync(join(models, 'piper', 'piper'), '#!/bin/sh\nexit 1\n');
    chmodSync(join(models, 'piper', 'piper'), 0o755);
    const voice = join(models, 'voices', 'en_US-lessac-medium.onnx');
    writeFileSync(voice, '');
    truncateSync(voice, findModel('en_US-lessac-medium')?.sizeBytes ?? 0);
    writeFileSync(`${voice}.json`, JSON.stringify({ audio: { sample_rate: 22050 } }));
    const lines = await doctorLines(join(folder, 'with-piper'));
    expect(lines.get('text-to-speech')).toEqual({
      name: 'text-to-speech',
      status: 'ok',
      detail: 'using piper, then espeak-ng',
    });
  });
});
