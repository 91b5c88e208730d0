/**
 * The core on the real wiring (createApp: config file, SQLite, router, brain, policy, tools), with a
 * fake Ollama speaking the real NDJSON wire format over a socket.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama, type FakeTurn } from '../fakes/fake-ollama.js';
import {
  ask,
  closedPortUrl,
  createCoreTestApp,
  doneOf,
  eventsOf,
  localPerson,
  type CoreTestApp,
  type CoreTestAppOptions,
} from './core-test-app.js';
import type { TurnEvent } from '../../src/types.js';
import { dockerTestEngineProblem } from '../helpers/docker-engine.js';

let fake: FakeOllama | undefined;
let test: CoreTestApp | undefined;

afterEach(async () => {
  await test?.close();
  await fake?.close();
  test = undefined;
  fake = undefined;
});

async function appWithFake(turns: FakeTurn[], yaml: CoreTestAppOptions['yaml'] = []): Promise<CoreTestApp> {
  fake = await startFakeOllama({ turns });
  test = await createCoreTestApp({ ollamaHost: fake.url, yaml });
  return test;
}

const openQuestion = 'why does my wifi feel slow in the evening';

describe('the core through createApp', () => {
  it('answers "what is the cpu usage" from the router with a figure, without asking the model', async () => {
    const { app } = await appWithFake([]);
    const reply = await ask(app, 'what is the cpu usage');
    expect(doneOf(reply.events).source).toBe('router');
    const figure = Number(/CPU is at (\d+(?:\.\d+)?) percent/.exec(reply.text)?.[1]);
    expect(figure, reply.text).toBeGreaterThanOrEqual(0);
    expect(figure).toBeLessThanOrEqual(100);
    expect(fake!.requests).toHaveLength(0);
  }, 20_000);

  it('with Ollama down, an open question gets one sentence saying the model is unreachable, and "status" still answers', async () => {
    test = await createCoreTestApp({ ollamaHost: await closedPortUrl() });
    const open = await ask(test.app, openQuestion);
    const sentences = eventsOf(open.events, 'sentence');
    expect(sentences).toHaveLength(1);
    expect(sentences[0]!.text).toMatch(/can.t reach the language model/i);
    expect(doneOf(open.events).source).toBe('error');

    const status = await ask(test.app, 'status');
    expect(doneOf(status.events).source).toBe('router');
    expect(status.text).toMatch(/CPU is at \d+ percent, memory at \d+ percent/);
    // The container part needs Docker; without the test engine the system figures must still come.
    if (!dockerTestEngineProblem) expect(status.text).toMatch(/containers/);
  }, 20_000);

  it('runs the tool the model asks for and speaks the first sentence before the model has finished', async () => {
    const { app } = await appWithFake([
      { toolCalls: [{ name: 'cpu_usage', arguments: {} }] },
      { content: ['The processor is mostly idle right now. ', 'Nothing is ', 'using much of it.'], chunkDelayMs: 400 },
    ]);
    const started = performance.now();
    const seen: { event: TurnEvent; at: number }[] = [];
    for await (const event of app.core.handle({
      channel: 'cli',
      person: localPerson,
      conversation: 'terminal',
      text: 'is the processor busy at all today',
      modality: 'text',
    })) {
      seen.push({ event, at: performance.now() - started });
    }
    const events = seen.map((entry) => entry.event);
    expect(eventsOf(events, 'tool-call').map((call) => call.tool)).toEqual(['cpu_usage']);
    const result = eventsOf(events, 'tool-result');
    expect(result).toHaveLength(1);
    expect(result[0]!.ok).toBe(true);
    const sentences = eventsOf(events, 'sentence').map((sentence) => sentence.text);
    expect(sentences).toEqual(['The processor is mostly idle right now.', 'Nothing is using much of it.']);
    expect(doneOf(events).source).toBe('brain');
    // The fake writes its last content chunk 800 ms and its done chunk 1200 ms after the first one.
    const firstSentenceAt = seen.find((entry) => entry.event.type === 'sentence')!.at;
    const doneAt = seen.find((entry) => entry.event.type === 'done')!.at;
    expect(doneAt - firstSentenceAt).toBeGreaterThan(700);
    // The model saw the tool's result in the second request.
    const second = fake!.chatBodies()[1]!;
    expect(second.messages.some((message) => message.role === 'tool' && message.content.includes('cpu'))).toBe(true);
  }, 20_000);

  it('limits open questions per person ("slow down") while the router keeps answering', async () => {
    const { app } = await appWithFake(
      [{ content: ['First answer.'] }, { content: ['Second answer.'] }, { content: ['Third answer.'] }],
      ['policy:', '  brainTurnsPerMinute: 2'],
    );
    expect((await ask(app, openQuestion)).text).toBe('First answer.');
    expect((await ask(app, 'why is the sky blue')).text).toBe('Second answer.');
    const third = await ask(app, 'what should i name my new server');
    expect(third.text).toMatch(/slow down/i);
    expect(doneOf(third.events).source).toBe('rate-limit');
    expect(fake!.chatBodies()).toHaveLength(2);
    const router = await ask(app, 'what is the cpu usage');
    expect(doneOf(router.events).source).toBe('router');
    expect(router.text).toMatch(/percent/i);
    expect(app.auditEntries(20).some((entry) => entry.kind === 'rate-limited')).toBe(true);
  }, 20_000);

  it('sends the previous turn of the conversation with the next question', async () => {
    const { app } = await appWithFake([
      { content: ['Your backups run at three in the morning.'] },
      { content: ['Yes, every night.'] },
    ]);
    await ask(app, 'when do my backups run');
    await ask(app, 'and does that happen every day');
    const second = fake!.chatBodies()[1]!;
    const turns = second.messages
      .filter((message) => message.role === 'user' || message.role === 'assistant')
      .map((message) => `${message.role}: ${message.content}`);
    expect(turns).toContain('assistant: Your backups run at three in the morning.');
    expect(turns.some((turn) => turn.startsWith('user:') && turn.includes('when do my backups run'))).toBe(true);
    expect(turns.at(-1)).toContain('and does that happen every day');
  }, 20_000);

  it('remembers a fact through the router and gives it to the model on the next open question', async () => {
    const { app } = await appWithFake([{ content: ['Your storage box is the nas.'] }]);
    const remembered = await ask(app, 'remember that nas is the storage box');
    expect(doneOf(remembered.events).source).toBe('router');
    expect(fake!.chatBodies()).toHaveLength(0);
    await ask(app, 'where do my files live');
    expect(JSON.stringify(fake!.chatBodies()[0]!.messages)).toContain('nas is the storage box');
  }, 20_000);
});
