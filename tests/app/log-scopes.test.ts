/**
 * Each module narrows the logger it is given to its own scope once: log lines read "docker", "brain",
 * never "docker:docker" or "system:system:sampler".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createApp } from '../../src/app/main.js';
import { ask, closedPortUrl } from '../core/core-test-app.js';

it('no log scope repeats a segment, across the brain and Docker', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-scopes-'));
  const lines: string[] = [];
  // Docker on a closed TCP port: every call is refused, and the client warns once per call.
  const dockerHost = (await closedPortUrl()).replace('http://', 'tcp://');
  const env = {
    SYSVOX_DATA: join(folder, 'data'),
    SYSVOX_OLLAMA_HOST: await closedPortUrl(),
    DOCKER_HOST: dockerHost,
    PATH: process.env.PATH,
  };
  const app = await createApp({ logTo: 'stderr', logLevel: 'debug', env, logWrite: (line) => lines.push(line) });
  try {
    await ask(app, 'list containers');
    await ask(app, 'why does my wifi feel slow');
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
  const scopes = new Set(
    lines.map((line) => (JSON.parse(line) as { scope?: string }).scope).filter((scope) => scope !== undefined),
  );
  expect([...scopes]).toEqual(expect.arrayContaining(['docker', 'brain']));
  for (const scope of scopes) {
    const segments = scope!.split(':');
    expect(new Set(segments).size, `scope ${scope}`).toBe(segments.length);
  }
}, 30_000);
