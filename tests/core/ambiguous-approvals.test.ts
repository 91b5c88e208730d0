/**
 * Two requests waiting for the same person: a bare "yes" or "approve all" approves neither and asks which
 * one; naming the target picks it. Real core, policy, SQLite and the private Docker engine (nothing is
 * restarted here: every approval is answered by name, denied or left).
 */
import { afterEach, expect, it } from 'vitest';
import { describeDocker } from '../helpers/docker-engine.js';
import { ask, closedPortUrl, createCoreTestApp, type CoreTestApp } from './core-test-app.js';

let test: CoreTestApp | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

describeDocker('a "yes" with several approvals pending', () => {
  it('asks which one instead of approving all, and "no" cancels only the newest', async () => {
    test = await createCoreTestApp({ ollamaHost: await closedPortUrl() });
    const { app } = test;
    await ask(app, 'restart web-healthy');
    await ask(app, 'stop db-unhealthy');
    expect(app.runner.pending()).toHaveLength(2);

    for (const phrase of ['yes', 'approve all', 'yes to all', 'yes do it']) {
      const reply = await ask(app, phrase);
      expect(reply.text).toMatch(
        /^2 requests are waiting: .*restart container 'web-healthy'.*stop container 'db-unhealthy'|^2 requests are waiting: .*stop container 'db-unhealthy'.*restart container 'web-healthy'/,
      );
      expect(reply.text).toMatch(/Say which one/);
      expect(app.runner.pending()).toHaveLength(2);
    }
    const kinds = app.auditEntries(50).map((entry) => `${entry.kind}:${entry.outcome}`);
    expect(kinds.filter((kind) => kind === 'approval-rejected:ambiguous')).toHaveLength(4);

    const no = await ask(app, 'no');
    expect(no.text).toMatch(/Cancelled: I will not stop container 'db-unhealthy'/);
    expect(app.runner.pending().map((approval) => approval.description)).toEqual(["restart container 'web-healthy'"]);
  }, 30_000);
});
