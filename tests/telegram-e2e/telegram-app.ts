/**
 * The real app (createApp: core, router, policy, SQLite, Docker tools, pocketsphinx + espeak-ng) with
 * the Telegram channel enabled against the fake Bot API server, started the way `sysvox run` starts it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app/main.js';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramCall } from '../fakes/fake-telegram.js';
import { testDockerHost } from '../cli/cli-harness.js';

export const token = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz12345';
export const allowedUser = 111;
export const approverUser = 222;
export const strangerUser = 333;
/** Allow-listed, but neither the requester nor an approver of anyone else's request. */
export const otherUser = 444;

export interface TelegramApp {
  app: App;
  fake: FakeTelegram;
  sentTexts: FakeTelegram['sentTexts'];
  /** The environment the app runs with (config, data dir, Docker): the CLI opens the same service with it. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export function telegramYaml(options: { apiRoot: string; token?: string; pushChatIds?: number[] }): string {
  return [
    'ollama:',
    '  host: http://127.0.0.1:9',
    'voice:',
    '  stt:',
    '    engines: [pocketsphinx]',
    '  tts:',
    '    engines: [espeak-ng]',
    'policy:',
    `  approvers: ['telegram:${approverUser}']`,
    'channels:',
    '  telegram:',
    '    enabled: true',
    ...(options.token ? [`    token: '${options.token}'`] : []),
    `    allowedUserIds: [${allowedUser}, ${otherUser}]`,
    `    apiRoot: ${options.apiRoot}`,
    '    pollTimeoutSeconds: 1',
    `    pushChatIds: [${(options.pushChatIds ?? []).join(', ')}]`,
  ].join('\n');
}

/** Builds the app from a temp YAML file and a temp data dir; the caller starts it. */
export async function createTelegramApp(
  options: { fakeToken?: string; configToken?: string | null; pushChatIds?: number[] } = {},
): Promise<TelegramApp> {
  const fake = await startFakeTelegram({ token: options.fakeToken ?? token });
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-telegram-e2e-'));
  const configPath = join(folder, 'sysvox.yaml');
  writeFileSync(
    configPath,
    telegramYaml({
      apiRoot: fake.apiRoot,
      token: options.configToken === null ? undefined : (options.configToken ?? token),
      pushChatIds: options.pushChatIds,
    }),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SYSVOX_DATA: join(folder, 'data'),
    SYSVOX_CONFIG: configPath,
    DOCKER_HOST: testDockerHost,
  };
  delete env.SYSVOX_TELEGRAM_TOKEN;
  const app = await createApp({ logTo: 'stderr', logLevel: 'warn', env });
  return {
    app,
    fake,
    sentTexts: fake.sentTexts,
    env,
    async close() {
      await app.close();
      await fake.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The inline keyboard's callback data of a sent message ([] when it has none). */
export function buttonData(call: FakeTelegramCall | undefined): string[] {
  const markup = call?.params.reply_markup;
  const parsed = (typeof markup === 'string' ? JSON.parse(markup) : markup) as
    { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  return (parsed?.inline_keyboard ?? []).flat().map((button) => button.callback_data ?? '');
}
