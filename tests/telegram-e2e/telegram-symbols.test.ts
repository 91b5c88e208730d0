/**
 * ">" and "#" survive in text: a container's log line quoted by the router and a remembered fact keep
 * them, on Telegram (the real app behind the fake Bot API) and in the CLI (`sysvox ask`). Speech may
 * skip symbols (voice/speakable.ts does); text must not.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDocker } from '../helpers/docker-engine.js';
import { buildCli, createWorkspace, removeContainer, testDockerHost, type CliWorkspace } from '../cli/cli-harness.js';
import { textUpdate } from '../telegram/helpers/telegram-updates.js';
import { allowedUser, createTelegramApp, type TelegramApp } from './telegram-app.js';

const logLine = 'ERROR #42: disk use > 90% on /srv';
const fact = 'the backup port is > 8080 # on the nas';
const container = `sysvox-symbols-${Math.random().toString(36).slice(2, 8)}`;

let telegram: TelegramApp;
let workspace: CliWorkspace;
beforeAll(async () => {
  spawnSync(
    'docker',
    [
      'run',
      '-d',
      '--name',
      container,
      'busybox:sysvox',
      'sh',
      '-c',
      `echo '${logLine}' >&2; trap 'exit 0' TERM; while true; do sleep 1; done`,
    ],
    { env: { ...process.env, DOCKER_HOST: testDockerHost } },
  );
  buildCli();
  workspace = createWorkspace();
  telegram = await createTelegramApp();
  await telegram.app.start();
}, 240_000);
afterAll(async () => {
  removeContainer(container);
  workspace?.remove();
  await telegram?.close();
});

async function askTelegram(text: string, expected: RegExp): Promise<string> {
  telegram.fake.enqueueUpdate(textUpdate(allowedUser, text));
  await telegram.fake.waitFor(() => telegram.sentTexts(allowedUser).some((sent) => expected.test(sent)), 15_000);
  return telegram.sentTexts(allowedUser).find((sent) => expected.test(sent)) ?? '';
}

describeDocker('">" and "#" in text replies', () => {
  it('Telegram: a quoted log line and a remembered fact keep them', async () => {
    expect(await askTelegram(`logs of ${container}`, /error stream/)).toContain(logLine);
    expect(await askTelegram(`remember that ${fact}`, /remember/)).toContain(`I'll remember that ${fact}.`);
  }, 60_000);

  it('CLI: sysvox ask prints them too', async () => {
    const logs = await workspace.run(['ask', `logs of ${container}`]);
    expect(logs.stdout).toContain(logLine);
    const remembered = await workspace.run(['ask', `remember that ${fact}`]);
    expect(remembered.stdout).toContain(`I'll remember that ${fact}.`);
  }, 60_000);
});
