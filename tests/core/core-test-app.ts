/**
 * The whole app built by createApp, as a user runs it: a YAML config in a temp folder pointing
 * ollama.host at a fake (or a closed port), SQLite in a temp data dir, the private Docker engine,
 * and every log line captured. The same folder can be opened again to check what survives a restart.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectReply } from '../../src/core/turn.js';
import type { PersonRef, TurnEvent } from '../../src/types.js';
import { createApp, type App, type AppOptions } from '../../src/app/main.js';
import { testDockerHost } from '../helpers/docker-engine.js';

export const localPerson: PersonRef = { channel: 'cli', externalId: 'local', displayName: 'Local admin' };
export const otherPerson: PersonRef = { channel: 'telegram', externalId: '424242', displayName: 'Someone else' };

export interface CoreTestApp {
  app: App;
  folder: string;
  /** Every JSON log line the app wrote, across reopen(). */
  logLines: string[];
  /** Closes the app and builds a new one on the same config and data dir. */
  reopen(): Promise<App>;
  close(): Promise<void>;
}

export interface CoreTestAppOptions {
  ollamaHost: string;
  /** The model's timeouts (ms); default 15 s overall and 10 s to the first token. */
  timeouts?: { requestMs?: number; firstTokenMs?: number };
  /** Extra top-level YAML lines (tools:, policy: ...). */
  yaml?: string[];
  /** The tool areas, as createApp takes them; default the app's own list (src/app/areas.ts). */
  areas?: AppOptions['areas'];
}

export async function createCoreTestApp(options: CoreTestAppOptions): Promise<CoreTestApp> {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-core-'));
  const configPath = join(folder, 'sysvox.yaml');
  writeFileSync(
    configPath,
    [
      'ollama:',
      `  host: ${options.ollamaHost}`,
      `  requestTimeoutMs: ${options.timeouts?.requestMs ?? 15000}`,
      `  firstTokenTimeoutMs: ${options.timeouts?.firstTokenMs ?? 10000}`,
      ...(options.yaml ?? []),
      '',
    ].join('\n'),
  );
  const env = {
    ...process.env,
    SYSVOX_DATA: join(folder, 'data'),
    SYSVOX_CONFIG: configPath,
    DOCKER_HOST: testDockerHost(),
  };
  const logLines: string[] = [];
  const build = () =>
    createApp({
      logTo: 'stderr',
      logLevel: 'debug',
      env,
      logWrite: (line) => logLines.push(line),
      areas: options.areas,
    });
  const test: CoreTestApp = {
    app: await build(),
    folder,
    logLines,
    async reopen() {
      await test.app.close();
      test.app = await build();
      return test.app;
    },
    async close() {
      await test.app.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return test;
}

/** One text turn through app.core.handle, run to the end. */
export function ask(
  app: App,
  text: string,
  person: PersonRef = localPerson,
): Promise<{ text: string; events: TurnEvent[] }> {
  return collectReply(
    app.core.handle({
      channel: person.channel,
      person,
      conversation: `${person.channel}-${person.externalId}`,
      text,
      modality: 'text',
    }),
  );
}

export function eventsOf<T extends TurnEvent['type']>(events: TurnEvent[], type: T): Extract<TurnEvent, { type: T }>[] {
  return events.filter((event): event is Extract<TurnEvent, { type: T }> => event.type === type);
}

export function doneOf(events: TurnEvent[]): Extract<TurnEvent, { type: 'done' }> {
  const done = eventsOf(events, 'done');
  if (done.length !== 1) throw new Error(`expected one done event, saw ${done.length}`);
  return done[0]!;
}

/** A loopback port nothing listens on: a stopped Ollama. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
