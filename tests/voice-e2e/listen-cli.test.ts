import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWav, writeWav } from '../../voice/audio/wav.js';
import { concatPcm, requireAudio, silence, speak } from '../helpers/audio-fixtures.js';
import { defaultWakeModels, requireModels } from '../helpers/model-fixtures.js';
import { checkout, dockerHost } from './test-app.js';

const requirement = requireAudio({ commands: ['espeak-ng', 'pocketsphinx_continuous'] });
const models = await requireModels(defaultWakeModels);
const folder = mkdtempSync(join(tmpdir(), 'sysvox-listen-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * The CLI runs through tsx from the sources: bin/sysvox.js needs `npm run build`, and a build made
 * before the latest edits would test stale code.
 */
function sysvox(args: string[]) {
  const configPath = join(folder, 'sysvox.yaml');
  writeFileSync(
    configPath,
    'ollama:\n  host: http://127.0.0.1:9\nvoice:\n  stt:\n    engines: [pocketsphinx]\n  tts:\n    engines: [espeak-ng]\n',
  );
  return spawnSync(process.execPath, ['--import', 'tsx', join(checkout, 'src', 'cli', 'main.ts'), ...args], {
    cwd: checkout,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, SYSVOX_DATA: join(folder, 'data'), SYSVOX_CONFIG: configPath, DOCKER_HOST: dockerHost },
  });
}

describe.skipIf(requirement.skip || models.skip)('sysvox listen --file (the CLI, end to end)', () => {
  it('prints what it heard and what it answered, and writes the spoken answer to a WAV', () => {
    const input = join(folder, 'question.wav');
    writeFileSync(
      input,
      writeWav(concatPcm(silence(400), speak('hey jarvis, what is the memory usage'), silence(1500)).samples),
    );
    const out = join(folder, 'reply.wav');
    const result = sysvox(['listen', '--file', input, '--out', out]);
    expect(result.stderr).not.toMatch(/sysvox: /);
    expect(result.stdout).toContain('heard: what is the memory usage');
    expect(result.stdout).toMatch(/answered: .*memory/i);
    expect(result.stdout).toContain(`reply audio: ${out}`);
    expect(existsSync(out)).toBe(true);
    expect(readWav(readFileSync(out)).durationMs).toBeGreaterThan(1000);

    const timings = sysvox(['timings']);
    expect(timings.stdout).toMatch(
      /voice\s+wake-to-speech \d+ ms, speech \d+ ms, stt \d+ ms, core \d+ ms, first-audio \d+ ms/,
    );
  }, 90_000);

  it('says what is wrong with a bad file and exits 1', () => {
    const empty = join(folder, 'empty.wav');
    writeFileSync(empty, Buffer.alloc(0));
    const result = sysvox(['listen', '--file', empty]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/sysvox: .*empty/i);
  }, 60_000);

  it('sysvox listen without a file says why it cannot use the microphone here', () => {
    const result = sysvox(['listen']);
    const hasCapture = /card \d+/.test(spawnSync('arecord', ['-l'], { encoding: 'utf8' }).stdout ?? '');
    if (hasCapture) return;
    expect(result.status).toBe(1);
    // The friendly reason, then arecord's own on the default device (no PipeWire or PulseAudio here).
    expect(result.stderr).toMatch(
      /cannot listen: no capture device \(.*arecord could not open "default": audio open error/,
    );
  }, 60_000);
});
