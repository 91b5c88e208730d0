/**
 * The built CLI beside the service: `sysvox alerts test` posts to the Discord alert channel through
 * REST alone (the channel is built, never logged in: no second gateway session) and exits, and
 * `sysvox doctor` has a Discord line; neither prints the token. Against the fake Discord over real sockets.
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

it('`sysvox alerts test` posts in the alert channel without logging in to the gateway, and exits', async () => {
  const result = await workspace.run(['alerts', 'test', 'disk', '--severity', 'critical'], {
    env: env(),
    timeoutMs: 60_000,
  });
  expect(result.exitCode, result.stderr + result.stdout).toBe(0);
  expect(result.stdout).toMatch(/discord\s+delivered/);
  expect(fake.textsIn(alertChannel)).toHaveLength(1);
  expect(fake.callsTo('GET', /^\/gateway\/bot$/)).toEqual([]);
  expect(result.stdout + result.stderr).not.toContain(fake.token);
}, 90_000);

it('`sysvox doctor` has a Discord line', async () => {
  const result = await workspace.run(['doctor'], { env: env(), timeoutMs: 60_000 });
  expect(result.stdout).toMatch(/discord.*the token works \(sysvox\); 1 allowed user, answering in DMs only/);
  expect(result.stdout + result.stderr).not.toContain(fake.token);
}, 90_000);
