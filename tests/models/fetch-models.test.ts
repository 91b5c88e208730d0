/**
 * fetchModels and resolveModel with the shared mirror: copied and verified, present on a second run,
 * a damaged mirror copy refused, an archive unpacked once it verifies, and resolveModel's errors.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchModels } from '../../models/fetch-models.js';
import { findModel, modelManifest, type ModelEntry } from '../../models/manifest.js';
import { ModelError } from '../../models/model-error.js';
import { defaultMirror } from '../../models/model-files.js';
import { resolveModel } from '../../models/resolve-model.js';

const mirror = defaultMirror();
if (!mirror && process.env.CI === 'true')
  throw new Error('CI=true but no model mirror (SYSVOX_MODEL_MIRROR or ../shared/models)');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.skipIf(!mirror)('fetchModels and resolveModel', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-models-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('copies from the mirror, verified, prints the wake word licence, and finds it present next time', async () => {
    const lines: string[] = [];
    const dest = join(folder, 'from-mirror');
    const fetched = await fetchModels({
      names: ['alexa', 'melspectrogram'],
      mirror,
      dest,
      report: (line) => lines.push(line),
    });
    expect(fetched.map((item) => item.source)).toEqual(['mirror', 'mirror']);
    expect(sha256(readFileSync(join(dest, 'openwakeword/alexa_v0.1.onnx')))).toBe(findModel('alexa')?.checksum.value);
    expect(lines.join('\n')).toMatch(/CC BY-NC-SA 4\.0/);
    const again = await fetchModels({ names: ['alexa'], mirror, dest, report: () => {} });
    expect(again[0]?.source).toBe('present');
  });

  it('refuses a damaged mirror copy and a failed download, naming both places', async () => {
    const badMirror = join(folder, 'bad-mirror');
    mkdirSync(join(badMirror, 'openwakeword'), { recursive: true });
    writeFileSync(join(badMirror, 'openwakeword/alexa_v0.1.onnx'), 'not a model');
    const alexaNowhere = modelManifest.map((entry) =>
      entry.name === 'alexa' ? { ...entry, url: 'http://127.0.0.1:9/alexa.onnx' } : entry,
    );
    const attempt = fetchModels({
      names: ['alexa'],
      mirror: badMirror,
      dest: join(folder, 'none'),
      manifest: alexaNowhere,
      report: () => {},
    });
    await expect(attempt).rejects.toBeInstanceOf(ModelError);
    await expect(attempt).rejects.toThrow(/alexa.*bad-mirror.*size 11 bytes, expected 854246.*127\.0\.0\.1:9/);
    expect(existsSync(join(folder, 'none', 'openwakeword', 'alexa_v0.1.onnx'))).toBe(false);
  });

  it('unpacks a verified archive into the models folder, once', async () => {
    const staging = join(folder, 'staging');
    mkdirSync(join(staging, 'piper'), { recursive: true });
    writeFileSync(
      join(staging, 'piper', 'piper'),
      readFileSync(join(mirror ?? '', 'whisper/for-tests-ggml-tiny.en.bin')),
    );
    const archiveMirror = join(folder, 'archive-mirror');
    mkdirSync(join(archiveMirror, 'archives'), { recursive: true });
    const archive = join(archiveMirror, 'archives', 'piper.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', staging, 'piper']);
    const bytes = new Uint8Array(readFileSync(archive));
    const entry: ModelEntry = {
      name: 'piper-test',
      kind: 'piper-binary',
      path: 'archives/piper.tar.gz',
      url: 'http://127.0.0.1:9/piper.tar.gz',
      sizeBytes: bytes.length,
      checksum: { algorithm: 'sha256', value: sha256(bytes) },
      license: 'test',
      unpack: { format: 'tar.gz', creates: 'piper/piper' },
    };
    const dest = join(folder, 'unpacked');
    await fetchModels({ names: ['piper-test'], manifest: [entry], mirror: archiveMirror, dest, report: () => {} });
    expect(statSync(join(dest, 'piper', 'piper')).size).toBe(586_836);
    rmSync(join(dest, 'piper'), { recursive: true });
    const again = await fetchModels({
      names: ['piper-test'],
      manifest: [entry],
      mirror: archiveMirror,
      dest,
      report: () => {},
    });
    expect(again[0]?.source).toBe('present');
    expect(existsSync(join(dest, 'piper', 'piper'))).toBe(true);
  });

  it('refuses to unpack an archive with a member outside the models folder', async () => {
    const staging = join(folder, 'evil-staging', 'inner');
    mkdirSync(staging, { recursive: true });
    writeFileSync(join(folder, 'evil-staging', 'evil'), 'escaped');
    const archiveMirror = join(folder, 'evil-mirror');
    mkdirSync(join(archiveMirror, 'archives'), { recursive: true });
    const archive = join(archiveMirror, 'archives', 'evil.tar.gz');
    execFileSync('tar', ['-czPf', archive, '-C', staging, '../evil']);
    const bytes = new Uint8Array(readFileSync(archive));
    const entry: ModelEntry = {
      name: 'evil',
      kind: 'piper-binary',
      path: 'archives/evil.tar.gz',
      url: 'http://127.0.0.1:9/evil.tar.gz',
      sizeBytes: bytes.length,
      checksum: { algorithm: 'sha256', value: sha256(bytes) },
      license: 'test',
      unpack: { format: 'tar.gz', creates: 'piper/piper' },
    };
    const dest = join(folder, 'evil-dest', 'models');
    await expect(
      fetchModels({ names: ['evil'], manifest: [entry], mirror: archiveMirror, dest, report: () => {} }),
    ).rejects.toThrow(/refusing to unpack .*evil\.tar\.gz: member "\.\.\/evil"/);
    expect(existsSync(join(folder, 'evil-dest', 'evil'))).toBe(false);
  });

  it('resolveModel returns a verified mirror path, and says how to fix a missing model', async () => {
    expect(await resolveModel('hey_jarvis', { mirror })).toBe(join(mirror ?? '', 'openwakeword/hey_jarvis_v0.1.onnx'));
    await expect(
      resolveModel('hey_jarvis', { mirror: join(folder, 'nowhere'), dest: join(folder, 'nothing') }),
    ).rejects.toThrow(/sysvox models fetch hey_jarvis/);
    await expect(resolveModel('no_such_model')).rejects.toThrow(/not in the model manifest/);
  });
});
