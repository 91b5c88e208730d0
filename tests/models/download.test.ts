/**
 * fetchModels against a local HTTP server that serves the real model files of the shared mirror, with
 * Range support: a good file, a corrupted one, an interrupted transfer resumed with Range, a server
 * that ignores Range, a wrong size, and a proxy taken from HTTP_PROXY. The real whisper and Piper files
 * cannot be downloaded here, so the manifest is built from the shared files (checksums computed here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchModels } from '../../models/fetch-models.js';
import type { HashAlgorithm, ModelEntry } from '../../models/manifest.js';
import { ModelError } from '../../models/model-error.js';
import { defaultMirror } from '../../models/model-files.js';
import { startModelServer, startProxy, type ModelServer } from './model-server.js';

const mirror = defaultMirror();
if (!mirror && process.env.CI === 'true')
  throw new Error('CI=true but no model mirror (SYSVOX_MODEL_MIRROR or ../shared/models)');

const shared = (path: string) => new Uint8Array(readFileSync(join(mirror ?? '', path)));
const digest = (bytes: Uint8Array, algorithm: HashAlgorithm) => createHash(algorithm).update(bytes).digest('hex');

describe.skipIf(!mirror)('downloading models over HTTP', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-download-'));
  const noMirror = join(folder, 'no-mirror');
  const alexa = shared('openwakeword/alexa_v0.1.onnx');
  const mycroft = shared('openwakeword/hey_mycroft_v0.1.onnx');
  const whisper = shared('whisper/for-tests-ggml-tiny.en.bin');
  const corrupted = Uint8Array.from(alexa, (byte, index) => (index === 1000 ? byte ^ 0xff : byte));
  let server: ModelServer;

  beforeAll(async () => {
    server = await startModelServer(
      {
        '/alexa.onnx': alexa,
        '/corrupted.onnx': corrupted,
        '/cut.onnx': mycroft,
        '/alexa-longer.onnx': new Uint8Array([...alexa, 1, 2, 3]),
      },
      { '/cut.onnx': 'cut-first-transfer' },
    );
  });
  afterAll(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** A manifest entry for the shared file `bytes`, served at `urlPath`, checked with `algorithm`. */
  function entry(name: string, urlPath: string, bytes: Uint8Array, algorithm: HashAlgorithm = 'sha256'): ModelEntry {
    return {
      name,
      kind: 'wake',
      path: `test/${name}.bin`,
      url: server.url(urlPath),
      sizeBytes: bytes.length,
      checksum: { algorithm, value: digest(bytes, algorithm) },
      license: 'test',
    };
  }

  const fetchOne = (model: ModelEntry, dest: string, environment: NodeJS.ProcessEnv = {}) =>
    fetchModels({ names: [model.name], manifest: [model], mirror: noMirror, dest, report: () => {}, environment });

  const leftovers = (dest: string) => (existsSync(join(dest, 'test')) ? readdirSync(join(dest, 'test')) : []);

  it('downloads a good file and verifies it with the algorithm its entry names', async () => {
    for (const algorithm of ['sha256', 'sha1', 'md5'] as const) {
      const dest = join(folder, `good-${algorithm}`);
      const model = entry(`alexa-${algorithm}`, '/alexa.onnx', alexa, algorithm);
      const [fetched] = await fetchOne(model, dest);
      expect(fetched?.source).toBe('download');
      expect(digest(new Uint8Array(readFileSync(join(dest, model.path))), 'sha256')).toBe(digest(alexa, 'sha256'));
      expect(leftovers(dest)).toEqual([`alexa-${algorithm}.bin`]);
    }
  });

  it('rejects a corrupted file and leaves no partial file behind', async () => {
    const dest = join(folder, 'corrupted');
    const model = entry('corrupt', '/corrupted.onnx', alexa);
    mkdirSync(join(dest, 'test'), { recursive: true });
    writeFileSync(join(dest, model.path), 'an earlier, damaged copy');
    const attempt = fetchOne(model, dest);
    await expect(attempt).rejects.toBeInstanceOf(ModelError);
    await expect(attempt).rejects.toThrow(/corrupt.*sha256 mismatch.*deleted/);
    expect(leftovers(dest)).toEqual([]);
  });

  it('resumes an interrupted download with a Range request and the result verifies', async () => {
    const dest = join(folder, 'resumed');
    const model = entry('mycroft', '/cut.onnx', mycroft);
    const [fetched] = await fetchOne(model, dest);
    expect(fetched?.source).toBe('download');
    const requests = server.seen.filter((request) => request.path === '/cut.onnx');
    expect(requests[0]?.range).toBeUndefined();
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(requests[1]?.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThan(mycroft.length);
    expect(digest(new Uint8Array(readFileSync(join(dest, model.path))), 'sha256')).toBe(digest(mycroft, 'sha256'));
    expect(leftovers(dest)).toEqual(['mycroft.bin']);
  });

  it('starts over cleanly when the server ignores Range and answers 200', async () => {
    const ignoring = await startModelServer({ '/no-range.bin': whisper }, { '/no-range.bin': 'ignore-range' });
    const cutting = await startModelServer({ '/no-range.bin': whisper }, { '/no-range.bin': 'cut-first-transfer' });
    try {
      // First run: the cutting server leaves a partial file; second run: a server that ignores Range.
      const dest = join(folder, 'no-range');
      const model = { ...entry('whisper', '/no-range.bin', whisper), url: cutting.url('/no-range.bin') };
      await expect(
        fetchModels({ manifest: [model], names: ['whisper'], mirror: noMirror, dest, report: () => {}, attempts: 1 }),
      ).rejects.toThrow(/interrupted at \d+ of 586836 bytes.*run the same command again to resume/);
      expect(leftovers(dest)).toEqual(['whisper.bin.part', 'whisper.bin.part.json']);
      const [fetched] = await fetchOne({ ...model, url: ignoring.url('/no-range.bin') }, dest);
      expect(fetched?.source).toBe('download');
      expect(ignoring.seen[0]?.range).toMatch(/^bytes=\d+-$/);
      expect(digest(new Uint8Array(readFileSync(join(dest, model.path))), 'sha256')).toBe(digest(whisper, 'sha256'));
      expect(leftovers(dest)).toEqual(['whisper.bin']);
    } finally {
      await Promise.all([ignoring.close(), cutting.close()]);
    }
  });

  it('catches a server whose Content-Length is not the size in the manifest', async () => {
    const dest = join(folder, 'wrong-size');
    const model = entry('longer', '/alexa-longer.onnx', alexa);
    await expect(fetchOne(model, dest)).rejects.toThrow(
      new RegExp(`server sends ${alexa.length + 3} bytes for longer, the manifest expects ${alexa.length}`),
    );
    expect(leftovers(dest)).toEqual([]);
  });

  it('tunnels an https download through the proxy in HTTPS_PROXY', async () => {
    const proxy = await startProxy();
    try {
      const model = { ...entry('via-tunnel', '/alexa.onnx', alexa), url: 'https://models.example.invalid/alexa.onnx' };
      await expect(fetchOne(model, join(folder, 'tunnelled'), { HTTPS_PROXY: proxy.url })).rejects.toThrow(
        /via-tunnel.*models\.example\.invalid.*502/,
      );
      expect(proxy.seen).toContain('CONNECT models.example.invalid:443');
    } finally {
      await proxy.close();
    }
  });

  it('goes through the proxy in HTTP_PROXY, and not for hosts in NO_PROXY', async () => {
    const proxy = await startProxy();
    try {
      const model = entry('via-proxy', '/alexa.onnx', alexa);
      await fetchOne(model, join(folder, 'proxied'), { HTTP_PROXY: proxy.url });
      expect(proxy.seen).toEqual([model.url]);
      expect(existsSync(join(folder, 'proxied', model.path))).toBe(true);

      await fetchOne(model, join(folder, 'not-proxied'), { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
      expect(proxy.seen).toHaveLength(1);
      expect(existsSync(join(folder, 'not-proxied', model.path))).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
