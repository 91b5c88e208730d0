/**
 * Confirm and blocked tools asked for by the model, on the real wiring and the private Docker engine:
 * what runs, when, for whom, and what survives a restart of the app.
 */
import { afterEach, expect, it } from 'vitest';
import { describeDocker } from '../helpers/docker-engine.js';
import { startFakeOllama, type FakeOllama, type FakeTurn } from '../fakes/fake-ollama.js';
import type { App } from '../../src/app/main.js';
import {
  ask,
  createCoreTestApp,
  doneOf,
  eventsOf,
  localPerson,
  otherPerson,
  type CoreTestApp,
} from './core-test-app.js';
import { startTestContainer, type TestContainer } from './test-container.js';

let fake: FakeOllama | undefined;
let test: CoreTestApp | undefined;
let container: TestContainer | undefined;

afterEach(async () => {
  await test?.close();
  await fake?.close();
  container?.remove();
  test = undefined;
  fake = undefined;
  container = undefined;
});

/** A fresh container, a fake scripted with turns that name it, and the app pointed at the fake. */
async function setUp(
  turnsFor: (name: string) => FakeTurn[],
  yaml: string[] = [],
): Promise<{ app: App; container: TestContainer; fake: FakeOllama }> {
  container = startTestContainer({ prefix: 'sysvox-core' });
  fake = await startFakeOllama({ turns: turnsFor(container.name) });
  test = await createCoreTestApp({ ollamaHost: fake.url, yaml });
  return { app: test.app, container, fake };
}

const restartCall = (name: string): FakeTurn => ({ toolCalls: [{ name: 'docker_restart', arguments: { name } }] });

describeDocker('approvals and blocked tools through createApp', () => {
  it('a restart the model asks for waits for "yes" from the same person, runs once, and a second "yes" does nothing', async () => {
    const { app, container, fake } = await setUp((name) => [restartCall(name)]);
    const before = container.startedAt();

    const asked = await ask(app, 'my app container seems stuck, bounce it for me');
    const requests = eventsOf(asked.events, 'approval-request');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.approval.tool).toBe('docker_restart');
    expect(asked.text).toMatch(/approval/i);
    expect(container.startedAt()).toBe(before);
    expect(app.listApprovals({ all: false })).toHaveLength(1);

    const yes = await ask(app, 'yes');
    expect(doneOf(yes.events).source).toBe('approval');
    expect(yes.text).toMatch(/^Done/);
    const restartedAt = container.startedAt();
    expect(restartedAt).not.toBe(before);
    expect(container.running()).toBe(true);

    const again = await ask(app, 'yes');
    expect(again.text).toMatch(/nothing waiting/i);
    expect(container.startedAt()).toBe(restartedAt);
    expect(fake.chatBodies()).toHaveLength(1);
  }, 30_000);

  it('someone else saying "yes" cannot approve it', async () => {
    const { app, container } = await setUp((name) => [restartCall(name)]);
    const before = container.startedAt();
    await ask(app, 'restart my app container please, it hangs');
    const [pending] = app.listApprovals({ all: false });
    expect(pending).toBeDefined();

    const stranger = await ask(app, 'yes', otherPerson);
    expect(stranger.text).toMatch(/nothing waiting/i);
    const byId = await app.core.resolveApproval({
      approvalId: pending!.id,
      decision: 'approve',
      person: otherPerson,
      channel: otherPerson.channel,
    });
    expect(byId.message).toMatch(/only the person who asked/i);
    expect(container.startedAt()).toBe(before);
    expect(app.listApprovals({ all: false }).map((approval) => approval.id)).toEqual([pending!.id]);
    expect(app.auditEntries(50).some((entry) => entry.outcome === 'not-allowed')).toBe(true);
  }, 30_000);

  it('a blocked tool the model asks for is refused and the container keeps running', async () => {
    const { app, container, fake } = await setUp(
      (name) => [
        { toolCalls: [{ name: 'docker_stop', arguments: { name } }] },
        { content: ['I was not allowed to stop it.'] },
      ],
      ['tools:', '  risk:', '    docker_stop: blocked'],
    );
    const before = container.startedAt();

    const reply = await ask(app, 'stop my app container');
    const results = eventsOf(reply.events, 'tool-result');
    expect(results.map((result) => [result.tool, result.ok])).toEqual([['docker_stop', false]]);
    expect(eventsOf(reply.events, 'approval-request')).toHaveLength(0);
    expect(container.running()).toBe(true);
    expect(container.startedAt()).toBe(before);
    const offered = fake.chatBodies()[0]!.tools?.map((tool) => tool.function.name) ?? [];
    expect(offered).toContain('docker_restart');
    expect(offered).not.toContain('docker_stop');
    expect(
      fake.chatBodies()[1]!.messages.some((message) => message.role === 'tool' && /refused/i.test(message.content)),
    ).toBe(true);
  }, 30_000);

  it('facts, history and a pending approval survive closing and re-creating the app', async () => {
    const { container, fake } = await setUp((name) => [restartCall(name), { content: ['The nas holds your files.'] }]);
    await ask(test!.app, 'remember that nas is the storage box');
    await ask(test!.app, 'restart my app container');
    const [pending] = test!.app.listApprovals({ all: false });
    expect(pending).toBeDefined();
    const before = container.startedAt();

    const app = await test!.reopen();
    expect(app.listApprovals({ all: false }).map((approval) => approval.id)).toEqual([pending!.id]);
    await ask(app, 'where are my files kept');
    const body = JSON.stringify(fake.chatBodies()[1]!.messages);
    expect(body).toContain('nas is the storage box');
    expect(body).toContain('restart my app container');
    expect(container.startedAt()).toBe(before);

    const yes = await ask(app, 'yes', localPerson);
    expect(yes.text).toMatch(/^Done/);
    expect(container.startedAt()).not.toBe(before);
  }, 30_000);
});
