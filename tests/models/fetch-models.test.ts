import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fetchModels } from '../../models/fetch-models.js';
import { modelManifest, type ModelEntry } from '../../models/manifest.js';
import { ModelError } from '../../models/model-error.js';
import { defaultMirror, sha256Of } from '../../models/model-files.js';
import { resolveModel } from '../../models/resolve-model.js';

const mirror = defaultMirror();
if (!mirror && process.env.CI === 'true')
  throw new Error('CI=true but no model mirror (SYSVOX_MODEL_MIRROR or ../shared/models)');

describe('the model manifest', () => {
  it('lists the openWakeWord and whisper test models with sha256 and licences', () => {
    const names = modelManifest.map((entry) => entry.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'melspectrogram',
        'embedding',
        'hey_jarvis',
        'alexa',
        'hey_mycroft',
        'hey_marvin',
        'whisper-for-tests',
      ]),
    );
    for (const entry of modelManifest) expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(
      modelManifest
        .filter((entry) => entry.kind === 'wake')
        .every((entry) => entry.license.includes('CC BY-NC-SA 4.0')),
    ).toBe(true);
  });
});

describe.skipIf(!mirror)('fetchModels and resolveModel', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-models-'));
  const bytes = new Uint8Array(readFileSync(join(mirror ?? '', 'openwakeword/alexa_v0.1.onnx')));
  let server: Server;
  let served = 0;
  let baseUrl = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      served += 1;
      if (request.url === '/alexa.onnx') response.end(bytes);
      else response.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(folder, { recursive: true, force: true });
  });

  const alexaAt = (url: string): ModelEntry[] =>
    modelManifest.map((entry) => (entry.name === 'alexa' ? { ...entry, url } : entry));

  it('copies from the mirror, verified, and prints the wake word licence', async () => {
    const lines: string[] = [];
    const dest = join(folder, 'from-mirror');
    const fetched = await fetchModels({
      names: ['alexa', 'melspectrogram'],
      mirror,
      dest,
      report: (line) => lines.push(line),
    });
    expect(fetched.map((item) => item.source)).toEqual(['mirror', 'mirror']);
    expect(sha256Of(readFileSync(join(dest, 'openwakeword/alexa_v0.1.onnx')))).toBe(
      modelManifest.find((entry) => entry.name === 'alexa')?.sha256,
    );
    expect(lines.join('\n')).toMatch(/CC BY-NC-SA 4\.0/);
    const again = await fetchModels({ names: ['alexa'], mirror, dest, report: () => {} });
    expect(again[0]?.source).toBe('present');
  });

  it('downloads over HTTP when the mirror lacks the file, and checks sha256', async () => {
    const dest = join(folder, 'downloaded');
    const emptyMirror = join(folder, 'empty-mirror');
    mkdirSync(emptyMirror);
    const fetched = await fetchModels({
      names: ['alexa'],
      mirror: emptyMirror,
      dest,
      manifest: alexaAt(`${baseUrl}/alexa.onnx`),
      report: () => {},
    });
    expect(fetched[0]?.source).toBe('download');
    expect(served).toBeGreaterThan(0);
    expect(existsSync(join(dest, 'openwakeword/alexa_v0.1.onnx'))).toBe(true);
  });

  it('refuses a corrupt mirror copy and a failed download, naming both places', async () => {
    const badMirror = join(folder, 'bad-mirror');
    mkdirSync(join(badMirror, 'openwakeword'), { recursive: true });
    writeFileSync(join(badMirror, 'openwakeword/alexa_v0.1.onnx'), 'not a model');
    const attempt = fetchModels({
      names: ['alexa'],
      mirror: badMirror,
      dest: join(folder, 'none'),
      manifest: alexaAt(`${baseUrl}/missing.onnx`),
      report: () => {},
    });
    await expect(attempt).rejects.toBeInstanceOf(ModelError);
    await expect(attempt).rejects.toThrow(/alexa.*bad-mirror.*sha256 mismatch.*missing\.onnx: HTTP 404/);
  });

  it('resolveModel returns a verified mirror path, and says how to fix a missing model', async () => {
    expect(await resolveModel('hey_jarvis', { mirror })).toBe(join(mirror ?? '', 'openwakeword/hey_jarvis_v0.1.onnx'));
    await expect(
      resolveModel('hey_jarvis', { mirror: join(folder, 'nowhere'), dest: join(folder, 'nothing') }),
    ).rejects.toThrow(/scripts\/fetch-models/);
    await expect(resolveModel('no_such_model')).rejects.toThrow(/not in the model manifest/);
  });
});
