/**
 * The real app (createApp: core, router, policy, SQLite) with the Discord channel enabled against the
 * fake Discord, started the way `sysvox run` starts it, plus the gate test area. Ollama is a closed
 * port, so the router answers; Docker is unreachable (the status says so and carries on).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAreas } from '../../../src/app/areas.js';
import { createApp, type App } from '../../../src/app/main.js';
import { closedPortUrl } from '../../core/core-test-app.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';
import { ids } from '../../fakes/discord-wire.js';
import { createGateArea, type GateArea } from './gate-area.js';

/** Allow-listed, neither the requester of anyone else's request nor an approver. */
export const otherUser = '53908232506183681';
export const approverUser = '53908232506183682';
export const strangerUser = '53908232506183683';
/** A text channel on the allowed server that is not allow-listed. */
export const closedChannel = '645027906669510666';
/** Where alerts go: not an answering channel, but its buttons work. */
export const alertChannel = '645027906669510668';

export interface DiscordApp {
  app: App;
  fake: FakeDiscord;
  gate: GateArea;
  logLines: string[];
  /** Closes the app and builds a new one on the same config and data dir (the fake keeps running). */
  reopen(): Promise<App>;
  close(): Promise<void>;
}

export function discordYaml(options: { apiRoot: string; token?: string; ollama: string }): string {
  return [
    'ollama:',
    `  host: ${options.ollama}`,
    'voice:',
    '  enabled: false',
    'policy:',
    `  approvers: ['discord:${approverUser}']`,
    '  approvalTtlSeconds: 10',
    'channels:',
    '  discord:',
    '    enabled: true',
    ...(options.token ? [`    token: '${options.token}'`] : []),
    `    apiRoot: ${options.apiRoot}`,
    `    allowedUserIds: ['${ids.mason}', '${otherUser}']`,
    `    allowedGuildIds: ['${ids.guild}']`,
    `    allowedChannelIds: ['${ids.text}']`,
    `    alertChannelId: '${alertChannel}'`,
    `    linkedIdentities: { '${ids.mason}': 'telegram:111' }`,
    '',
  ].join('\n');
}

export async function createDiscordApp(options: { token?: string } = {}): Promise<DiscordApp> {
  const fake = await startFakeDiscord();
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-discord-'));
  const configPath = join(folder, 'sysvox.yaml');
  writeFileSync(
    configPath,
    discordYaml({ apiRoot: fake.apiRoot, token: options.token ?? fake.token, ollama: await closedPortUrl() }),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SYSVOX_DATA: join(folder, 'data'),
    SYSVOX_CONFIG: configPath,
    DOCKER_HOST: `unix://${join(folder, 'no-docker.sock')}`,
  };
  delete env.SYSVOX_DISCORD_TOKEN;
  const gate = createGateArea();
  const logLines: string[] = [];
  const build = () =>
    createApp({
      logTo: 'stderr',
      logLevel: 'debug',
      env,
      logWrite: (line) => void logLines.push(line),
      areas: (wiring) => [...createAreas(wiring), gate.area],
    });
  const test: DiscordApp = {
    app: await build(),
    fake,
    gate,
    logLines,
    async reopen() {
      await test.app.close();
      test.app = await build();
      return test.app;
    },
    async close() {
      await test.app.close();
      await fake.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return test;
}
