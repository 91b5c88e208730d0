/**
 * Configuration as an operator meets it: defaults with no file, errors that name the key, the file,
 * the line or the environment variable, and `sysvox config check` with secrets masked.
 * The CLI cases spawn the built bin/sysvox.js (run `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { maskSecrets } from '../../src/config/mask.js';
import { ConfigError } from '../../src/errors.js';

const checkout = resolve(import.meta.dirname, '..', '..');
const cli = join(checkout, 'bin', 'sysvox.js');
const built = existsSync(join(checkout, 'dist', 'src', 'cli', 'main.js'));
if (!built && process.env.CI === 'true')
  throw new Error('CI=true and dist/ is missing: run npm run build before the config tests');

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sysvox-config-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function writeConfig(lines: string[]): string {
  const path = join(folder, 'sysvox.yaml');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The operator-facing message of the ConfigError that loading throws. */
function loadError(options: Parameters<typeof loadConfig>[0]): string {
  try {
    loadConfig(options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected the config to be refused');
}

/** Runs the CLI in the temp folder with no SYSVOX_* variables from the outer environment. */
function runCli(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SYSVOX_')));
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...clean, SYSVOX_DATA: join(folder, 'data'), DOCKER_HOST: 'unix:///nonexistent/docker.sock', ...env },
  });
}

describe('loading the configuration', () => {
  it('runs on built-in defaults when there is no config file at all', () => {
    const loaded = loadConfig({ env: {}, cwd: folder });
    expect(loaded.path).toBeNull();
    expect(loaded.config.ollama.host).toBe('http://127.0.0.1:11434');
    expect(loaded.config.ollama.numCtx).toBe(8192);
    expect(loaded.config.policy.brainTurnsPerMinute).toBeGreaterThan(0);
  });

  it('names the key and the file for an invalid value', () => {
    const path = writeConfig(['ollama:', '  numCtx: big']);
    const message = loadError({ env: {}, cwd: folder, path });
    expect(message).toContain('ollama.numCtx');
    expect(message).toContain(path);
  });

  it('names the environment variable when the bad value came from it', () => {
    const message = loadError({ env: { SYSVOX_OLLAMA_HOST: 'not a url' }, cwd: folder });
    expect(message).toContain('ollama.host');
    expect(message).toContain('SYSVOX_OLLAMA_HOST');
  });

  it('names the file and the line of malformed YAML', () => {
    const path = writeConfig([
      'ollama:',
      '  host: http://127.0.0.1:11434',
      '  model: [unclosed',
      'policy:',
      '  approvers: []',
    ]);
    const message = loadError({ env: {}, cwd: folder, path });
    expect(message).toContain(path);
    expect(message).toMatch(/line \d+/);
    expect(message).toMatch(/not valid YAML/);
  });

  it('masks the Telegram token and the Porcupine access key', () => {
    const path = writeConfig([
      'channels:',
      '  telegram:',
      '    token: "123456789:AAE-telegram-token-that-must-not-print"',
      'voice:',
      '  wake:',
      '    porcupine:',
      '      accessKey: porcupine-access-key-42',
    ]);
    const masked = JSON.stringify(maskSecrets(loadConfig({ env: {}, cwd: folder, path }).config));
    expect(masked).not.toContain('telegram-token-that-must-not-print');
    expect(masked).not.toContain('porcupine-access-key-42');
    expect(masked).toContain('"model":"qwen2.5:7b"');
  });

  it('refuses a Telegram webhook section (there is no webhook mode) instead of silently polling', () => {
    const path = writeConfig([
      'channels:',
      '  telegram:',
      '    enabled: true',
      '    webhook:',
      '      url: https://bot.example.org/telegram',
    ]);
    const message = loadError({ env: {}, cwd: folder, path });
    expect(message).toContain('unknown key channels.telegram.webhook');
    expect(message).toContain('no webhook mode');
    expect(message).toContain(path);
  });
});

describe.skipIf(!built)(
  `sysvox config check and --config${built ? '' : ' [skipped: dist/ missing, run npm run build]'}`,
  () => {
    it('works with no config file and prints the defaults', () => {
      const result = runCli(['config', 'check']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('# config file: none (built-in defaults)');
      expect(result.stdout).toContain('numCtx: 8192');
    });

    it('prints **** instead of the Telegram token, also when it comes from the environment', () => {
      writeConfig(['channels:', '  telegram:', '    token: "123456789:AAE-telegram-token-that-must-not-print"']);
      const fromFile = runCli(['config', 'check']);
      expect(fromFile.status).toBe(0);
      expect(fromFile.stdout).toContain(join(folder, 'sysvox.yaml'));
      expect(fromFile.stdout).toMatch(/token: "?\*\*\*\*"?/);
      expect(fromFile.stdout).not.toContain('telegram-token-that-must-not-print');

      const fromEnv = runCli(['config', 'check'], {
        SYSVOX_TELEGRAM_TOKEN: '987654321:AAE-env-token-that-must-not-print',
      });
      expect(fromEnv.stdout).toContain('from SYSVOX_TELEGRAM_TOKEN');
      expect(fromEnv.stdout).not.toContain('env-token-that-must-not-print');
    });

    it('an invalid value makes config check exit 1 naming the key and file, without a stack trace', () => {
      const path = writeConfig(['ollama:', '  numCtx: big']);
      const result = runCli(['config', 'check']);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('ollama.numCtx');
      expect(result.stderr).toContain(path);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });

    it('--config with a missing file says it does not exist and exits 1 without a stack trace', () => {
      const result = runCli(['--config', 'missing.yaml', 'ask', 'x']);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`config file ${join(folder, 'missing.yaml')} does not exist`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    });
  },
);
