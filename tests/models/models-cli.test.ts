/**
 * `sysvox models` as a person runs it (the built CLI, a fresh SYSVOX_DATA, the shared mirror): list,
 * fetch from the mirror, verify, a damaged file caught with exit 1, remove. scripts/fetch-models runs
 * the same command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultMirror } from '../../models/model-files.js';
import { buildCli, checkout, createWorkspace, type CliWorkspace } from '../cli/cli-harness.js';

const mirror = defaultMirror();
if (!mirror && process.env.CI === 'true')
  throw new Error('CI=true but no model mirror (SYSVOX_MODEL_MIRROR or ../shared/models)');

describe.skipIf(!mirror)('sysvox models', () => {
  let workspace: CliWorkspace;
  let models = '';
  beforeAll(() => {
    buildCli();
    workspace = createWorkspace();
    workspace.env.SYSVOX_MODEL_MIRROR = mirror;
    models = join(workspace.folder, 'data', 'models');
  });
  afterAll(() => workspace.remove());

  it('lists every model with kind, size, licence and where it is', async () => {
    const result = await workspace.run(['models', 'list']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^whisper-base\.en\s+whisper\s+148\.0 MB\s+missing\s+MIT/m);
    expect(result.stdout).toMatch(/^hey_jarvis\s+wake\s+1\.3 MB\s+in mirror\s+CC BY-NC-SA 4\.0/m);
    expect(result.stdout).toMatch(/^en_US-lessac-medium\s+piper-voice\s+63\.2 MB\s+missing/m);
  });

  it('fetches from the mirror, verifies, catches a damaged file, and removes', async () => {
    const fetched = await workspace.run(['models', 'fetch', 'hey_jarvis', 'whisper-for-tests']);
    expect(fetched.exitCode).toBe(0);
    expect(fetched.stdout).toMatch(/hey_jarvis: mirror -> .*hey_jarvis_v0\.1\.onnx/);
    expect(fetched.stdout).toMatch(/Wake word models are licensed CC BY-NC-SA 4\.0/);

    const verified = await workspace.run(['models', 'verify', 'hey_jarvis']);
    expect(verified.exitCode).toBe(0);
    expect(verified.stdout).toMatch(/^ok\s+hey_jarvis\s/m);

    writeFileSync(join(models, 'whisper', 'for-tests-ggml-tiny.en.bin'), 'damaged');
    const damaged = await workspace.run(['models', 'verify', 'whisper-for-tests']);
    expect(damaged.exitCode).toBe(1);
    expect(damaged.stdout).toMatch(/^FAIL\s+whisper-for-tests\s+size 7 bytes, expected 586836/m);
    expect(damaged.stdout).toMatch(/sysvox models fetch <name>/);

    const removed = await workspace.run(['models', 'remove', 'hey_jarvis']);
    expect(removed.exitCode).toBe(0);
    expect(existsSync(join(models, 'openwakeword', 'hey_jarvis_v0.1.onnx'))).toBe(false);
  });

  it('fails with a clear message for an unknown model, and scripts/fetch-models runs the same command', async () => {
    const unknown = await workspace.run(['models', 'fetch', 'whisper-huge']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown model "whisper-huge": the manifest has .*whisper-base\.en/);
    const script = spawnSync(join(checkout, 'scripts', 'fetch-models'), ['alexa'], {
      env: workspace.env,
      cwd: workspace.folder,
      encoding: 'utf8',
    });
    expect(script.status).toBe(0);
    expect(script.stdout).toMatch(/alexa: mirror -> /);
  });
});
