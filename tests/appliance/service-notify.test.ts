/**
 * `sysvox run` under a stand-in for systemd's notify socket (NOTIFY_SOCKET, WATCHDOG_USEC): the real
 * built CLI sends READY=1 once its channels have started, WATCHDOG=1 pings that keep coming, a STATUS=
 * line, and STOPPING=1 on SIGTERM; it exits 0 and leaves a SQLite file that passes integrity_check.
 * The ntfy channel gets its topic and token from systemd credentials ($CREDENTIALS_DIRECTORY).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNtfy, type FakeNtfy } from '../fakes/fake-ntfy.js';
import { buildCli, checkout, createWorkspace, type CliWorkspace } from '../cli/cli-harness.js';
import { openNotifySocket, type NotifySocket } from './notify-socket.js';

const token = 'tk_credentialtoken0000000000000';

describe('sysvox run under systemd (Type=notify, WatchdogSec)', () => {
  let workspace: CliWorkspace;
  let socket: NotifySocket;
  let ntfy: FakeNtfy;
  beforeAll(async () => {
    buildCli();
    workspace = createWorkspace();
    socket = await openNotifySocket(workspace.folder);
    ntfy = await startFakeNtfy({ token, username: 'sysvox' });
    writeFileSync(
      join(workspace.folder, 'sysvox.yaml'),
      [
        // voice off: this machine may or may not have a sound card. Telegram's Bot API is a closed
        // port: its start fails for now and retries in the background, which must not hold READY=1 back.
        'voice:\n  enabled: false',
        `channels:\n  ntfy:\n    enabled: true\n    url: ${ntfy.url}`,
        `  telegram:\n    enabled: true\n    apiRoot: http://127.0.0.1:9`,
      ].join('\n'),
    );
    const credentials = join(workspace.folder, 'credentials');
    mkdirSync(credentials);
    writeFileSync(join(credentials, 'ntfy-token'), `${token}\n`);
    writeFileSync(join(credentials, 'ntfy-topic'), 'nas-alerts-7f3k\n');
    writeFileSync(join(credentials, 'telegram-token'), '123456:credential-telegram-token\n');
  }, 180_000);
  afterAll(async () => {
    socket?.close();
    await ntfy?.close();
    workspace?.remove();
  });

  it('says READY=1 with a status line after the channels start, pings the watchdog, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(checkout, 'bin', 'sysvox.js'), 'run'], {
      cwd: workspace.folder,
      env: {
        ...workspace.env,
        NOTIFY_SOCKET: socket.path,
        WATCHDOG_USEC: '2000000',
        CREDENTIALS_DIRECTORY: join(workspace.folder, 'credentials'),
      },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const ready = await socket.waitFor((message) => message.split('\n').includes('READY=1'), 30_000);
    // The alert count depends on this machine (a full disk fires an alert): only its form is checked.
    expect(ready).toMatch(/^STATUS=ready: telegram starting, ntfy running, \d+ alerts? firing$/m);
    expect(stdout).toContain('telegram channel could not start yet; trying again');
    // The channel had started (it logged so) before systemd heard READY=1.
    expect(stdout).toContain('ready: every enabled channel started or said why not');

    // Pings keep coming at half of WATCHDOG_USEC while the service runs: several of them after READY.
    const readyAt = socket.messages.indexOf(ready);
    const pingsAfterReady = () =>
      socket.messages.slice(readyAt + 1).filter((message) => message.includes('WATCHDOG=1'));
    await socket.waitFor(() => pingsAfterReady().length >= 4, 20_000);
    expect(child.exitCode, `the service exited on its own:\n${stderr}`).toBeNull();

    child.kill('SIGTERM');
    const stopping = await socket.waitFor((message) => message.split('\n').includes('STOPPING=1'), 20_000);
    expect(stopping).toContain('STATUS=stopping');
    expect(await exited).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.at(-1)).toContain('stopped');
    // The credential's token is a secret: never in a log line.
    expect(stdout + stderr).not.toContain(token);
    expect(stdout + stderr).not.toContain('credential-telegram-token');

    const database = new Database(join(workspace.folder, 'data', 'sysvox.db'), { readonly: true });
    expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
    database.close();
  }, 90_000);

  it('with no NOTIFY_SOCKET sends nothing and still runs and stops', async () => {
    const before = socket.messages.length;
    const child = spawn(process.execPath, [join(checkout, 'bin', 'sysvox.js'), 'run'], {
      cwd: workspace.folder,
      env: { ...workspace.env, CREDENTIALS_DIRECTORY: join(workspace.folder, 'credentials') },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!stdout.includes('ready: every enabled channel') && Date.now() < deadline && child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stdout).toContain('ready: every enabled channel');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(socket.messages.slice(before)).toEqual([]);
  }, 60_000);
});
