/**
 * The watchdog while a turn is in flight: `sysvox run` with Telegram (the fake Bot API, its token from
 * a systemd credential) and an Ollama fake that stalls mid-answer. Pings keep coming while the turn
 * waits on the model, and SIGTERM in the middle of it stops the service cleanly: STOPPING=1, the model
 * request cut off, exit 0, and a SQLite file that passes integrity_check.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../fakes/fake-ollama.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/fake-telegram.js';
import { textUpdate } from '../telegram/helpers/telegram-updates.js';
import { buildCli, checkout, createWorkspace, type CliWorkspace } from '../cli/cli-harness.js';
import { openNotifySocket, type NotifySocket } from './notify-socket.js';

const token = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz12345';
const user = 111;

describe('sysvox run: the watchdog during a long turn', () => {
  let workspace: CliWorkspace;
  let socket: NotifySocket;
  let ollama: FakeOllama;
  let telegram: FakeTelegram;
  beforeAll(async () => {
    buildCli();
    workspace = createWorkspace();
    socket = await openNotifySocket(workspace.folder);
    ollama = await startFakeOllama({
      model: 'qwen2.5:7b',
      capabilities: ['completion', 'tools'],
      turns: [{ behaviour: 'stall', content: ['Let me think'] }],
    });
    telegram = await startFakeTelegram({ token });
    writeFileSync(
      join(workspace.folder, 'sysvox.yaml'),
      [
        'voice:\n  enabled: false',
        `ollama:\n  host: ${ollama.url}\n  model: qwen2.5:7b`,
        'channels:\n  telegram:\n    enabled: true',
        `    allowedUserIds: [${user}]\n    apiRoot: ${telegram.apiRoot}\n    pollTimeoutSeconds: 1`,
      ].join('\n'),
    );
    mkdirSync(join(workspace.folder, 'credentials'));
    writeFileSync(join(workspace.folder, 'credentials', 'telegram-token'), `${token}\n`);
  }, 180_000);
  afterAll(async () => {
    socket?.close();
    await ollama?.close();
    await telegram?.close();
    workspace?.remove();
  });

  it('keeps pinging while the model stalls, and SIGTERM mid-turn exits 0 with the database intact', async () => {
    const env: NodeJS.ProcessEnv = { ...workspace.env, NOTIFY_SOCKET: socket.path, WATCHDOG_USEC: '2000000' };
    delete env.SYSVOX_OLLAMA_HOST;
    const child = spawn(process.execPath, [join(checkout, 'bin', 'sysvox.js'), 'run'], {
      cwd: workspace.folder,
      env: { ...env, CREDENTIALS_DIRECTORY: join(workspace.folder, 'credentials') },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const ready = await socket.waitFor((message) => message.split('\n').includes('READY=1'), 30_000);
    expect(ready).toContain('telegram running');

    telegram.enqueueUpdate(textUpdate(user, 'write a short poem about my home server'));
    await waitUntil(() => ollama.chatBodies().length > 0, 20_000, 'the turn never reached the model');
    const turnStartedAt = socket.messages.length;
    const pingsDuringTurn = () =>
      socket.messages.slice(turnStartedAt).filter((message) => message.includes('WATCHDOG=1')).length;
    await socket.waitFor(() => pingsDuringTurn() >= 3, 20_000);
    expect(ollama.abortedChats(), 'the turn was still waiting on the model').toBe(0);

    child.kill('SIGTERM');
    await socket.waitFor((message) => message.split('\n').includes('STOPPING=1'), 20_000);
    expect(await exited, output.slice(-2000)).toBe(0);
    await ollama.waitForAbortedChat(5000);
    expect(output).not.toContain(token);

    const database = new Database(join(workspace.folder, 'data', 'sysvox.db'), { readonly: true });
    expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
    database.close();
  }, 120_000);
});

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(what);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
