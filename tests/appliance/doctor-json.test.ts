/**
 * What scripts read from `sysvox doctor`: `--json` is an array of {name, status, detail, fix}, and the
 * exit code is 0 when all is ok, 1 with a warning, 2 with a failure. Also: secrets given as systemd
 * credentials ($CREDENTIALS_DIRECTORY) reach the config, and `config check` says where they came from.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNtfy, type FakeNtfy } from '../fakes/fake-ntfy.js';
import { startFakeOllama, type FakeOllama } from '../fakes/fake-ollama.js';
import { startFakeTelegram } from '../fakes/fake-telegram.js';
import { describeDocker } from '../helpers/docker-engine.js';
import { buildCli, createWorkspace, testDockerHost, type CliWorkspace } from '../cli/cli-harness.js';

interface ProbeRow {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  fix: string | null;
}

let workspace: CliWorkspace;
let ollama: FakeOllama;
beforeAll(async () => {
  buildCli();
  workspace = createWorkspace();
  ollama = await startFakeOllama({ model: 'qwen2.5:7b', capabilities: ['completion', 'tools'] });
  // No microphone on a test machine: voice off, so the Ollama and Docker probes decide.
  writeFileSync(join(workspace.folder, 'sysvox.yaml'), 'voice:\n  enabled: false\nollama:\n  model: qwen2.5:7b\n');
}, 180_000);
afterAll(async () => {
  await ollama?.close();
  workspace?.remove();
});

async function doctorJson(env: NodeJS.ProcessEnv): Promise<{ rows: ProbeRow[]; exitCode: number | null }> {
  const result = await workspace.run(['doctor', '--json'], { env });
  const rows = JSON.parse(result.stdout) as ProbeRow[];
  for (const row of rows) expect(Object.keys(row).sort()).toEqual(['detail', 'fix', 'name', 'status']);
  return { rows, exitCode: result.exitCode };
}

describe('sysvox doctor --json', () => {
  it('exits 2 when a part fails (Ollama down), with the fix in the JSON', async () => {
    const { rows, exitCode } = await doctorJson({});
    const ollamaRow = rows.find((row) => row.name === 'ollama');
    expect(ollamaRow).toMatchObject({ status: 'fail' });
    expect(ollamaRow?.fix).toMatch(/ollama/i);
    expect(exitCode).toBe(2);
  });

  it('exits 1 when the worst is a warning (Docker unreachable, Ollama fine)', async () => {
    const { rows, exitCode } = await doctorJson({
      SYSVOX_OLLAMA_HOST: ollama.url,
      DOCKER_HOST: `unix://${join(workspace.folder, 'no-docker.sock')}`,
    });
    expect(rows.find((row) => row.name === 'ollama')?.status).toBe('ok');
    expect(rows.find((row) => row.name === 'docker')).toMatchObject({ status: 'warn' });
    expect(rows.some((row) => row.status === 'fail')).toBe(false);
    expect(exitCode).toBe(1);
  });
});

describeDocker('sysvox doctor --json with every part reachable', () => {
  it('exits 0, every probe ok', async () => {
    const { rows, exitCode } = await doctorJson({ SYSVOX_OLLAMA_HOST: ollama.url, DOCKER_HOST: testDockerHost });
    expect(rows.filter((row) => row.status !== 'ok')).toEqual([]);
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(['config', 'data dir', 'docker', 'ollama']));
    expect(exitCode).toBe(0);
  });
});

describe('secrets from systemd credentials', () => {
  const ntfyToken = 'tk_fromcredentialsdirectory000';
  const telegramToken = '123456:telegram-token-from-credential';
  let ntfy: FakeNtfy;
  let credentials: string;
  beforeAll(async () => {
    ntfy = await startFakeNtfy({ token: ntfyToken, username: 'sysvox' });
    credentials = join(workspace.folder, 'credentials');
    mkdirSync(credentials, { recursive: true });
    writeFileSync(join(credentials, 'ntfy-token'), `  ${ntfyToken}\n`);
    writeFileSync(join(credentials, 'ntfy-topic'), 'nas-alerts-7f3k\n');
    writeFileSync(join(credentials, 'telegram-token'), `${telegramToken}\n`);
  });
  afterAll(async () => ntfy?.close());
  const env = () => ({
    CREDENTIALS_DIRECTORY: credentials,
    SYSVOX_OLLAMA_HOST: ollama.url,
    DOCKER_HOST: testDockerHost,
  });

  it('config check names the credential each secret came from and masks it', async () => {
    const result = await workspace.run(['config', 'check'], { env: env() });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`# channels.telegram.token from credential ${join(credentials, 'telegram-token')}`);
    expect(result.stdout).toContain(`# channels.ntfy.token from credential ${join(credentials, 'ntfy-token')}`);
    expect(result.stdout).not.toContain(telegramToken);
    expect(result.stdout).not.toContain(ntfyToken);
    expect(result.stdout).toMatch(/^ {4}token: "\*+"$/m);
  });

  it('an environment variable wins over a credential', async () => {
    const result = await workspace.run(['config', 'check'], {
      env: { ...env(), SYSVOX_TELEGRAM_TOKEN: '999:from-the-environment' },
    });
    expect(result.stdout).toContain('# channels.telegram.token from SYSVOX_TELEGRAM_TOKEN');
    expect(result.stdout).not.toContain('channels.telegram.token from credential');
  });

  it('the ntfy token from a credential (trimmed) is the one the server accepts, as doctor shows', async () => {
    writeFileSync(
      join(workspace.folder, 'sysvox.yaml'),
      `voice:\n  enabled: false\nollama:\n  model: qwen2.5:7b\nchannels:\n  ntfy:\n    enabled: true\n    url: ${ntfy.url}\n`,
    );
    const result = await workspace.run(['doctor', '--json'], { env: env() });
    const rows = JSON.parse(result.stdout) as ProbeRow[];
    expect(rows.find((row) => row.name === 'config')?.detail).toMatch(
      /from systemd credentials: .*channels\.ntfy\.token, channels\.ntfy\.topic/,
    );
    const ntfyRow = rows.find((row) => row.name.includes('ntfy'));
    expect(ntfyRow, JSON.stringify(rows)).toMatchObject({ status: 'ok' });
    expect(ntfyRow?.detail).toContain('accepts the token (user sysvox)');
    expect(result.stdout + result.stderr).not.toContain(ntfyToken);
  });

  it('a credential that cannot be read is a clear error naming the file, not the value', async () => {
    const unreadable = join(workspace.folder, 'credentials-dir-as-file');
    mkdirSync(join(unreadable, 'telegram-token'), { recursive: true });
    const result = await workspace.run(['config', 'check'], { env: { ...env(), CREDENTIALS_DIRECTORY: unreadable } });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain(`cannot read credential ${join(unreadable, 'telegram-token')}`);
  });

  it('doctor checks the Telegram token from a credential against the Bot API: accepted, then a wrong one refused (exit 2)', async () => {
    const telegram = await startFakeTelegram({ token: telegramToken });
    try {
      writeFileSync(
        join(workspace.folder, 'sysvox.yaml'),
        [
          'voice:\n  enabled: false\nollama:\n  model: qwen2.5:7b',
          `channels:\n  telegram:\n    enabled: true\n    allowedUserIds: [111]\n    apiRoot: ${telegram.apiRoot}`,
        ].join('\n'),
      );
      const accepted = await workspace.run(['doctor', '--json'], { env: env() });
      const acceptedRow = (JSON.parse(accepted.stdout) as ProbeRow[]).find((row) => row.name === 'telegram');
      expect(acceptedRow).toMatchObject({ status: 'ok', detail: 'the token works (@sysvox_test_bot); 1 allowed user' });

      writeFileSync(join(credentials, 'telegram-token'), '123456:a-wrong-token-in-the-credential\n');
      const refused = await workspace.run(['doctor', '--json'], { env: env() });
      const refusedRow = (JSON.parse(refused.stdout) as ProbeRow[]).find((row) => row.name === 'telegram');
      expect(refusedRow).toMatchObject({ status: 'fail', detail: 'Telegram rejected the bot token (401)' });
      expect(refusedRow?.fix).toContain('telegram-token credential');
      expect(refused.stdout + refused.stderr).not.toContain('a-wrong-token-in-the-credential');
      expect(refused.exitCode).toBe(2);
    } finally {
      writeFileSync(join(credentials, 'telegram-token'), `${telegramToken}\n`);
      await telegram.close();
    }
  });
});
