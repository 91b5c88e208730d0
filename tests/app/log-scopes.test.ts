/**
 * Each module narrows the logger it is given to its own scope once: log lines read "docker", "policy:tool:x",
 * never "docker:docker" or "system:system:sampler".
 */
import { afterEach, expect, it } from 'vitest';
import { ask, closedPortUrl, createCoreTestApp, type CoreTestApp } from '../core/core-test-app.js';

let test: CoreTestApp | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

it('no log scope repeats a segment, across the router, the brain, policy, Docker and the sampler', async () => {
  test = await createCoreTestApp({ ollamaHost: await closedPortUrl(), yaml: ['docker:', '  socketPath: /nonexistent/docker.sock'] });
  test.app.sampler.start();
  await ask(test.app, 'status');
  await ask(test.app, 'list containers');
  await ask(test.app, 'why does my wifi feel slow');
  await ask(test.app, 'run the frobnicator');
  test.app.sampler.stop();
  const scopes = new Set(test.logLines.map((line) => (JSON.parse(line) as { scope?: string }).scope).filter((scope) => scope !== undefined));
  expect(scopes.size).toBeGreaterThan(0);
  for (const scope of scopes) {
    const segments = scope!.split(':');
    expect(new Set(segments).size, `scope ${scope}`).toBe(segments.length);
  }
}, 30_000);
