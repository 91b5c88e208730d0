/**
 * The router's second tier through the real core (createApp): a confident guess answers at once and
 * says what it understood; a weaker one answers, worded as a guess, when Ollama is stopped, hangs, or
 * the person is rate-limited; an answering model is not interrupted; and on the private Docker engine,
 * a guess asks to restart a container only when its name was said exactly, and never restarts one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama, type FakeTurn } from '../fakes/fake-ollama.js';
import { describeDocker } from '../helpers/docker-engine.js';
import {
  ask,
  closedPortUrl,
  createCoreTestApp,
  doneOf,
  eventsOf,
  type CoreTestApp,
  type CoreTestAppOptions,
} from './core-test-app.js';
import { startTestContainer, type TestContainer } from './test-container.js';

let fake: FakeOllama | undefined;
let test: CoreTestApp | undefined;
let container: TestContainer | undefined;

afterEach(async () => {
  await test?.close();
  await fake?.close();
  container?.remove();
  test = fake = container = undefined;
});

async function appWithFake(turns: FakeTurn[], options: Partial<CoreTestAppOptions> = {}): Promise<CoreTestApp> {
  fake = await startFakeOllama({ turns });
  test = await createCoreTestApp({ ollamaHost: fake.url, ...options });
  return test;
}

async function appWithOllamaStopped(): Promise<CoreTestApp> {
  test = await createCoreTestApp({ ollamaHost: await closedPortUrl() });
  return test;
}

const memoryFigure = /Memory is at \d+ percent: [\d.]+ of [\d.]+ gigabytes used/;

describe('guesses through createApp', () => {
  it('answers a confident guess at once, says what it understood, and never asks the model', async () => {
    const { app } = await appWithFake([]);
    const reply = await ask(app, 'mem figures pls');
    expect(reply.text).toMatch(/^I think you asked about the memory: Memory is at \d+ percent/);
    expect(doneOf(reply.events).source).toBe('guess');
    expect(fake!.requests).toHaveLength(0);
  }, 20_000);

  it('with Ollama stopped, a question the router half understood gets the guess, worded as one', async () => {
    const { app } = await appWithOllamaStopped();
    const reply = await ask(app, 'why is the memory so high');
    expect(reply.text).toMatch(
      new RegExp(`^I can't reach the language model; if you meant the memory: ${memoryFigure.source}`),
    );
    expect(eventsOf(reply.events, 'sentence').map((sentence) => sentence.text)).toEqual([reply.text]);
    expect(doneOf(reply.events).source).toBe('guess');
  }, 20_000);

  it('with Ollama stopped, a question with no guess keeps the one sentence that the model is unreachable', async () => {
    const { app } = await appWithOllamaStopped();
    const reply = await ask(app, 'tell me a joke about penguins');
    expect(eventsOf(reply.events, 'sentence').map((sentence) => sentence.text)).toEqual([
      expect.stringMatching(/^I can't reach the language model at http:\/\/127\.0\.0\.1:\d+ right now\.$/),
    ]);
    expect(doneOf(reply.events).source).toBe('error');
  }, 20_000);

  it('when the model hangs past its timeout, the guess answers after saying so', async () => {
    const { app } = await appWithFake([{ behaviour: 'hang' }], { timeouts: { firstTokenMs: 300, requestMs: 2000 } });
    const reply = await ask(app, 'why is the disk so full');
    expect(reply.text).toMatch(/^The language model took too long to answer; if you meant the disk: .+ percent full/);
    expect(doneOf(reply.events).source).toBe('guess');
    expect(fake!.chatBodies()).toHaveLength(1);
  }, 20_000);

  it('a rate-limited person gets the guess instead of only "slow down"', async () => {
    const { app } = await appWithFake([{ content: ['First answer.'] }], {
      yaml: ['policy:', '  brainTurnsPerMinute: 1'],
    });
    expect((await ask(app, 'why does my wifi drop in the evening')).text).toBe('First answer.');
    const limited = await ask(app, 'why is the cpu so busy');
    expect(limited.text).toMatch(
      /^Slow down a little: I can take another open question in \d+ seconds; if you meant the CPU: CPU is at \d+ percent/,
    );
    expect(doneOf(limited.events).source).toBe('guess');
    expect(fake!.chatBodies()).toHaveLength(1);
  }, 20_000);

  it('an answering model is not interrupted by a guess: its sentences stream as they come', async () => {
    const { app } = await appWithFake([
      { content: ['The CPU was quieter yesterday. ', 'Today it is ', 'busier.'], chunkDelayMs: 50 },
    ]);
    const reply = await ask(app, 'compare the cpu to yesterday');
    expect(eventsOf(reply.events, 'sentence').map((sentence) => sentence.text)).toEqual([
      'The CPU was quieter yesterday.',
      'Today it is busier.',
    ]);
    expect(doneOf(reply.events).source).toBe('brain');
  }, 20_000);
});

describeDocker('what a guess may do to a container', () => {
  it('asks to restart only a container named exactly, and restarts nothing itself', async () => {
    container = startTestContainer({ prefix: 'guessbox' });
    const { app } = await appWithOllamaStopped();
    const before = container.startedAt();

    const lead = `I can't reach the language model; if you meant restarting ${container.name}: `;
    const loose = await ask(app, 'guessbox could use a bounce rn');
    expect(loose.text).toBe(`${lead}To do that, say its exact name, ${container.name}.`);
    expect(eventsOf(loose.events, 'approval-request')).toHaveLength(0);
    expect(app.listApprovals({ all: true })).toHaveLength(0);

    const exact = await ask(app, `${container.name} could use a bounce rn`);
    expect(exact.text.startsWith(lead), exact.text).toBe(true);
    expect(exact.text).toMatch(/needs your approval/);
    expect(eventsOf(exact.events, 'approval-request').map((request) => request.approval.tool)).toEqual([
      'docker_restart',
    ]);
    const again = await ask(app, `${container.name} could use a bounce rn`);
    expect(doneOf(again.events).source).toBe('guess');
    expect(app.listApprovals({ all: false })).toHaveLength(1);
    expect(container.startedAt()).toBe(before);
  }, 30_000);
});
