/**
 * A hostile model through the real core, policy and SQLite, and a fake Ollama over a real socket: every
 * call that did not run has an audit line, nothing ran without an approval, and the answer is truthful.
 */
import { afterEach, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama, type FakeTurn } from '../fakes/fake-ollama.js';
import { describeDocker } from '../helpers/docker-engine.js';
import { ask, createCoreTestApp, type CoreTestApp } from './core-test-app.js';

let fake: FakeOllama | undefined;
let test: CoreTestApp | undefined;
afterEach(async () => {
  await test?.close();
  await fake?.close();
  test = undefined;
  fake = undefined;
});

async function appWithFake(turns: FakeTurn[]): Promise<CoreTestApp> {
  fake = await startFakeOllama({ turns });
  test = await createCoreTestApp({ ollamaHost: fake.url });
  return test;
}

const auditKinds = (test: CoreTestApp) =>
  test.app.auditEntries(100).map((entry) => `${entry.kind}:${entry.tool}:${entry.outcome}`);

it('"Done." after an unknown tool: the audit has the refusal and the answer says nothing was done', async () => {
  const { app } = await appWithFake([
    { toolCalls: [{ name: 'delete_all_volumes', arguments: {} }] },
    { content: ['Done.'] },
  ]);
  const reply = await ask(app, 'clean up the volumes');
  expect(reply.text).toBe('Nothing was done: there is no tool named delete_all_volumes.');
  expect(auditKinds(test!)).toContain('tool-refused:delete_all_volumes:refused');
}, 20_000);

describeDocker('restarts the model asks for all at once', () => {
  it('one approval, the other calls audited as dropped, and nothing restarted', async () => {
    const names = ['web-healthy', 'db-unhealthy', 'plex-server'];
    const { app } = await appWithFake([
      { toolCalls: names.map((name) => ({ name: 'docker_restart', arguments: { name } })) },
    ]);
    const reply = await ask(app, 'restart all my containers');
    expect(reply.text).toMatch(/needs your approval: restart container 'web-healthy'/);
    expect(reply.text).toMatch(
      /I did not do the other 2 requests: restart container 'db-unhealthy', restart container 'plex-server'\./,
    );
    const kinds = auditKinds(test!);
    expect(kinds.filter((kind) => kind === 'approval-created:docker_restart:pending')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'tool-dropped:docker_restart:dropped')).toHaveLength(2);
    expect(kinds.some((kind) => kind.startsWith('tool-call:docker_restart'))).toBe(false);
    expect(app.runner.pending()).toHaveLength(1);
  }, 30_000);
});
