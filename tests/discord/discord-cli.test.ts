/**
 * The built CLI: `sysvox doctor` has a Discord line (the token checked with GET /users/@me, the
 * allow-lists summed up), and never prints the token. Against the fake Discord over real sockets.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCli, createWorkspace, type CliWorkspace } from '../cli/cli-harness.js';
import { ids } from '../fakes/discord-wire.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';

const alertChannel = '645027906669510668';
let fake: FakeDiscord;
let workspace: CliWorkspace;
beforeAll(async () => {
  buildCli();
  fake = await startFakeDiscord();
  workspace = createWorkspace();
  writeFileSync(
    join(workspace.folder, 'sysvox.yaml'),
    [
      'voice:',
      '  enabled: false',
      'channels:',
      '  discord:',
      '    enabled: true',
      `    apiRoot: ${fake.apiRoot}`,
      `    allowedUserIds: ['${ids.mason}']`,
      `    alertChannelId: '${alertChannel}'`,
      '',
    ].join('\n'),
  );
}, 300_000);
afterAll(async () => {
  workspace?.remove();
  await fake?.close();
});

const env = () => ({ SYSVOX_DISCORD_TOKEN: fake.token, DOCKER_HOST: `unix://${join(workspace.folder, 'none.sock')}` });

it('`sysvox doctor` has a Discord line', async () => {
  const result = await workspace.run(['doctor'], { env: env(), timeoutMs: 60_000 });
  expect(result.stdout).toMatch(/discord.*the token works \(sysvox\); 1 allowed user, answering in DMs only/);
  expect(result.stdout + result.stderr).not.toContain(fake.token);
}, 90_000);
