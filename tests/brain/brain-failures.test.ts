import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBrain } from '../../src/brain/brain.js';
import { EngineError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import {
  collect,
  createTestInvoker,
  offeredTools,
  request,
  settingsFor,
  startHarness,
  type Harness,
} from './brain-harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.fake.close();
  harness = undefined;
});

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('brain when Ollama fails', () => {
  it('gives up on a model that sends nothing, in one sentence, and really aborts the request', async () => {
    harness = await startHarness({ turns: [{ behaviour: 'hang' }] }, { firstTokenTimeoutMs: 300 });
    const started = Date.now();
    const run = await harness.run('is plex healthy?');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(run.done.text).toBe('The language model took too long to answer.');
    expect(run.done.source).toBe('error');
    expect(run.done.error).toBeInstanceOf(EngineError);
    expect(run.done.error?.message).toMatch(/firstTokenTimeoutMs/);
    await harness.fake.waitForAbortedChat();
    expect(harness.fake.abortedChats()).toBe(1);
    expect(harness.logs.some((line) => line.includes('brain turn failed'))).toBe(true);
  });

  it('honours the overall deadline across a stream that keeps trickling', async () => {
    harness = await startHarness(
      { turns: [{ content: ['One. ', 'Two. ', 'Three. ', 'Four. ', 'Five.'], chunkDelayMs: 200 }] },
      { requestTimeoutMs: 500 },
    );
    const run = await harness.run('count slowly');
    expect(run.done.text).toMatch(/^One\. Two\. .*The language model took too long to answer\.$/);
    expect(run.done.error?.message).toMatch(/requestTimeoutMs/);
    await harness.fake.waitForAbortedChat();
  });

  it('says the model failed when Ollama answers HTTP 500', async () => {
    harness = await startHarness({ turns: [{ behaviour: 'http500' }] });
    const run = await harness.run('cpu?');
    expect(run.done.text).toBe('The language model failed with an error.');
    expect(run.done.error?.message).toMatch(/HTTP 500: llama runner process has terminated/);
    expect(run.done.error?.transient).toBe(true);
  });

  it('says it cannot reach the model when nothing listens on the port', async () => {
    const port = await closedPort();
    const host = `http://127.0.0.1:${port}`;
    const { invoke } = createTestInvoker();
    const brain = createBrain({ ollama: settingsFor(host), tools: offeredTools, invoke, log: silentLogger });
    const run = await collect(brain.run(request('cpu?')));
    expect(run.done.text).toBe(`I can't reach the language model at ${host} right now.`);
    expect(run.events.filter((event) => event.type === 'text-delta')).toHaveLength(1);
    expect(run.done.error?.message).toMatch(/ECONNREFUSED/);
  });

  it('stops quietly when the caller aborts (barge-in), closing the request', async () => {
    harness = await startHarness({ turns: [{ behaviour: 'hang' }] }, { firstTokenTimeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const run = await harness.run('tell me a story', { signal: controller.signal });
    expect(run.done).toMatchObject({ cancelled: true, text: '' });
    expect(run.done.error).toBeUndefined();
    await harness.fake.waitForAbortedChat();
  });
});
