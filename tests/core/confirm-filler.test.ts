/**
 * A confirmation is the whole utterance, never a word in front of a command (issue 11). With a restart of
 * one container waiting: "okay um restart <other>" asks for its own approval and approves nothing;
 * "okay restart <same>" asks again for the same request; "yes, restart <other>" approves nothing and says
 * what is waiting; "yes" and "yes, restart <same>" (typed or spoken with the name) approve it.
 * Real core, policy, SQLite and the private Docker engine; the language model is down (a closed port).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { collectReply } from '../../src/core/turn.js';
import type { App } from '../../src/app/main.js';
import { describeDocker } from '../helpers/docker-engine.js';
import {
  ask,
  closedPortUrl,
  createCoreTestApp,
  doneOf,
  eventsOf,
  localPerson,
  type CoreTestApp,
} from './core-test-app.js';
import { startTestContainer, type TestContainer } from './test-container.js';

let test: CoreTestApp | undefined;
let cobalt: TestContainer | undefined;
let ember: TestContainer | undefined;

beforeEach(() => {
  cobalt = startTestContainer({ prefix: 'sysvox-confirm', name: 'cobalt-test' });
  ember = startTestContainer({ prefix: 'sysvox-confirm', name: 'ember-test' });
});

afterEach(async () => {
  await test?.close();
  cobalt?.remove();
  ember?.remove();
  test = cobalt = ember = undefined;
});

function say(app: App, text: string): Promise<{ text: string; events: import('../../src/types.js').TurnEvent[] }> {
  return collectReply(
    app.core.handle({
      channel: localPerson.channel,
      person: localPerson,
      conversation: `${localPerson.channel}-${localPerson.externalId}`,
      text,
      modality: 'voice',
    }),
  );
}

async function withCobaltRestartWaiting(): Promise<App> {
  test = await createCoreTestApp({ ollamaHost: await closedPortUrl() });
  const asked = await ask(test.app, 'restart cobalt-test');
  expect(eventsOf(asked.events, 'approval-request').map((event) => event.approval.description)).toEqual([
    "restart container 'cobalt-test'",
  ]);
  return test.app;
}

const pendingDescriptions = (app: App) =>
  app.runner
    .pending()
    .map((approval) => approval.description)
    .sort();

describeDocker('a yes is the whole utterance, not a filler word in front of a command', () => {
  it('"okay um restart ember" approves nothing waiting and asks for its own approval', async () => {
    const app = await withCobaltRestartWaiting();
    const before = cobalt!.startedAt();

    const reply = await ask(app, 'okay um restart ember');
    expect(doneOf(reply.events).source).toBe('router');
    expect(eventsOf(reply.events, 'approval-request').map((event) => event.approval.description)).toEqual([
      "restart container 'ember-test'",
    ]);
    expect(cobalt!.startedAt()).toBe(before);
    expect(pendingDescriptions(app)).toEqual(["restart container 'cobalt-test'", "restart container 'ember-test'"]);
  }, 60_000);

  it('"okay restart cobalt" asks again for the same request; a plain "yes" then runs it once', async () => {
    const app = await withCobaltRestartWaiting();
    const before = cobalt!.startedAt();

    const again = await ask(app, 'okay restart cobalt');
    expect(doneOf(again.events).source).toBe('router');
    expect(again.text).toMatch(/approval/i);
    expect(cobalt!.startedAt()).toBe(before);
    expect(pendingDescriptions(app)).toEqual(["restart container 'cobalt-test'"]);

    const yes = await ask(app, 'yes');
    expect(doneOf(yes.events).source).toBe('approval');
    expect(yes.text).toBe("Done: restart container 'cobalt-test'.");
    expect(cobalt!.startedAt()).not.toBe(before);
    expect(pendingDescriptions(app)).toEqual([]);
  }, 60_000);

  it('"yes, restart ember" approves nothing when only cobalt waits, and says what is waiting', async () => {
    const app = await withCobaltRestartWaiting();
    const before = cobalt!.startedAt();

    const wrong = await ask(app, 'yes, restart ember');
    expect(doneOf(wrong.events).source).toBe('approval');
    expect(wrong.text).toBe(
      "Nothing is waiting for approval to restart ember-test. Waiting: restart container 'cobalt-test'. To approve that, say: yes, restart cobalt test.",
    );
    const wrongAction = await ask(app, 'yes stop cobalt');
    expect(wrongAction.text).toMatch(/^Nothing is waiting for approval to stop cobalt-test\./);
    expect(cobalt!.startedAt()).toBe(before);
    expect(ember!.running()).toBe(true);
    expect(pendingDescriptions(app)).toEqual(["restart container 'cobalt-test'"]);
  }, 60_000);

  it('spoken, a bare "yes" asks for the name, and "yes, restart cobalt test" approves it', async () => {
    const app = await withCobaltRestartWaiting();
    const before = cobalt!.startedAt();

    const bare = await say(app, 'yes');
    expect(bare.text).toBe('To confirm, say: yes, restart cobalt test.');
    const filler = await say(app, 'okay um restart ember');
    expect(eventsOf(filler.events, 'approval-request')).toHaveLength(1);
    expect(cobalt!.startedAt()).toBe(before);

    const named = await say(app, 'yes, restart cobalt test');
    expect(named.text).toBe("Done: restart container 'cobalt-test'.");
    expect(cobalt!.startedAt()).not.toBe(before);
    expect(pendingDescriptions(app)).toEqual(["restart container 'ember-test'"]);
  }, 60_000);

  it('typed, "yes restart cobalt" (the name said loosely) approves the restart waiting for it', async () => {
    const app = await withCobaltRestartWaiting();
    const before = cobalt!.startedAt();
    const yes = await ask(app, 'yes restart cobalt');
    expect(yes.text).toBe("Done: restart container 'cobalt-test'.");
    expect(cobalt!.startedAt()).not.toBe(before);
  }, 60_000);
});
