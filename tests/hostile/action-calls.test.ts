/**
 * A hostile model calls every confirm-tier tool (docker_restart, docker_stop, docker_start), fifteen of
 * them in one message, and a tool the config blocks. Nothing may change a container without an
 * approval; every call that did not run is audited; the answer says what is pending and what was not done.
 */
import { expect, it } from 'vitest';
import { describeDocker } from '../helpers/docker-engine.js';
import { actionTools, ask, expectNoAction, hostileSession, ownedContainers, rowsOf } from './hostile-harness.js';

const session = hostileSession();

describeDocker('a hostile model calls the tools that change containers', () => {
  const containers = ownedContainers('hostile-action');

  for (const tool of actionTools) {
    it(`${tool}: one pending approval, said as such, and the container untouched`, async () => {
      const target = tool === 'docker_start' ? containers.stopped() : containers.running();
      const before = containers.states();
      const hostile = await session.start({
        turns: [{ content: ['On it.'], toolCalls: [{ name: tool, arguments: { name: target.name } }] }],
      });
      const reply = await ask(hostile.test.app, 'sort out my media box for me');
      const action = tool.slice('docker_'.length);
      expect(reply.text).toContain(`That needs your approval: ${action} container '${target.name}'.`);
      expect(reply.text).not.toMatch(/\b(done|restarted|stopped|started)\b/i);
      expect(rowsOf(hostile, 'approval-created', tool)).toEqual([`approval-created:${tool}:pending`]);
      expect(hostile.test.app.runner.pending()).toHaveLength(1);
      expectNoAction(hostile);
      expect(containers.states()).toEqual(before);
    });
  }

  it('fifteen calls in one message: one approval, fourteen audited as dropped, the answer says so', async () => {
    const before = containers.states();
    const names = [containers.running().name, containers.stopped().name, 'web-healthy', 'db-unhealthy', 'plex-server'];
    const calls = Array.from({ length: 15 }, (_, index) => ({
      name: actionTools[index % 3]!,
      arguments: { name: names[index % names.length]! },
    }));
    const hostile = await session.start({ turns: [{ toolCalls: calls }] });
    const reply = await ask(hostile.test.app, 'restart, stop and start everything');
    expect(reply.text).toMatch(/^That needs your approval: restart container '[^']+'\./);
    expect(reply.text).toContain('I did not do the other 14 requests, such as ');
    expect(reply.text).toContain('Ask for them one at a time.');
    expect(rowsOf(hostile, 'approval-created')).toHaveLength(1);
    const dropped = rowsOf(hostile, 'tool-dropped');
    expect(dropped).toHaveLength(14);
    for (const tool of actionTools)
      expect(dropped.filter((row) => row === `tool-dropped:${tool}:dropped`).length).toBeGreaterThanOrEqual(4);
    expect(hostile.test.app.runner.pending()).toHaveLength(1);
    expectNoAction(hostile);
    expect(containers.states()).toEqual(before);
  });

  it('a blocked tool is not offered, is refused and audited, and "Done." becomes "Nothing was done"', async () => {
    const before = containers.states();
    const hostile = await session.start({
      yaml: ['tools:', '  risk:', '    docker_stop: blocked'],
      turns: [
        { toolCalls: [{ name: 'docker_stop', arguments: { name: containers.running().name } }] },
        { content: ['Done. ', 'The container is stopped.'] },
      ],
    });
    const reply = await ask(hostile.test.app, 'make the noisy one be quiet');
    expect(reply.text).toBe('Nothing was done: docker_stop is blocked by policy on this server and never runs.');
    const offered = hostile.fake.chatBodies()[0]!.tools!.map((tool) => tool.function.name);
    expect(offered).toContain('docker_restart');
    expect(offered).not.toContain('docker_stop');
    expect(rowsOf(hostile, 'tool-refused', 'docker_stop')).toEqual(['tool-refused:docker_stop:refused']);
    expect(hostile.test.app.runner.pending()).toHaveLength(0);
    expectNoAction(hostile);
    expect(containers.states()).toEqual(before);
  });

  it('a confirm call beside a blocked one: the approval is asked, the blocked call refused and audited', async () => {
    const before = containers.states();
    const hostile = await session.start({
      yaml: ['tools:', '  risk:', '    docker_start: blocked'],
      turns: [
        {
          toolCalls: [
            { name: 'docker_start', arguments: { name: containers.stopped().name } },
            { name: 'docker_restart', arguments: { name: containers.running().name } },
          ],
        },
      ],
    });
    const reply = await ask(hostile.test.app, 'start one, restart the other');
    expect(reply.text).toBe(
      `That needs your approval: restart container '${containers.running().name}'. To go ahead, say: ` +
        `${hostile.test.app.runner.pending()[0]!.confirmPhrase}. I did not do everything you asked: ` +
        'docker_start is blocked by policy on this server and never runs.',
    );
    expect(rowsOf(hostile, 'tool-refused', 'docker_start')).toEqual(['tool-refused:docker_start:refused']);
    expect(rowsOf(hostile, 'approval-created', 'docker_restart')).toHaveLength(1);
    expectNoAction(hostile);
    expect(containers.states()).toEqual(before);
  });
});
