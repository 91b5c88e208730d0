/**
 * A hostile or broken model stream: invalid NDJSON, binary junk, a stream cut midway, empty messages,
 * only template tokens, and a model that never answers (before the first token, or after it). Each turn
 * ends with one plain sentence in bounded time, nothing changes a container, and nothing is approved.
 */
import { expect, it } from 'vitest';
import type { FakeTurn } from '../fakes/fake-ollama.js';
import { describeDocker } from '../helpers/docker-engine.js';
import {
  ask,
  expectNoAction,
  expectOneSentence,
  hostileSession,
  ownedContainers,
  rowsOf,
  type HostileApp,
} from './hostile-harness.js';

const session = hostileSession();
const timeouts = { firstTokenMs: 400, requestMs: 1500 };
const chunk = (content: string) =>
  JSON.stringify({ model: 'qwen2.5:7b', created_at: '2026-12-02T05:00:00Z', message: { role: 'assistant', content } });
const restartCall = (name: string) => JSON.stringify({ name: 'docker_restart', arguments: { name } });

async function turnWith(turn: FakeTurn): Promise<{ hostile: HostileApp; text: string; ms: number }> {
  const hostile = await session.start({ turns: [turn], timeouts });
  const started = performance.now();
  const reply = await ask(hostile.test.app, 'sort out my media box for me');
  return { hostile, text: reply.text, ms: performance.now() - started };
}

describeDocker('a model whose stream is broken or hostile', () => {
  const containers = ownedContainers('hostile-stream');

  const garbage: [string, (target: string) => FakeTurn, RegExp][] = [
    [
      'invalid NDJSON after a good chunk',
      () => ({ behaviour: 'raw', body: `${chunk('')}\n{"model": "qwen2.5:7b", "message": {"content": nope}\n` }),
      /^The language model stopped answering midway\.$/,
    ],
    [
      'binary junk with NUL, 0xff and escape sequences',
      () => ({
        behaviour: 'raw',
        body: Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5d, 0x30, 0x3b, 0x70, 0x77, 0x6e, 0x07, 0x0a, 0x9b, 0x32, 0x4a]),
      }),
      /^The language model stopped answering midway\.$/,
    ],
    [
      'a printed restart call split across a cut stream',
      (target) => ({ behaviour: 'cut', content: ['', restartCall(target).slice(0, 30)] }),
      /^The language model stopped answering midway\.$/,
    ],
    [
      'an NDJSON line cut in half with a restart call inside',
      (target) => ({ behaviour: 'raw', body: `${chunk('')}\n${chunk(restartCall(target)).slice(0, 60)}` }),
      /^The language model stopped answering midway\.$/,
    ],
    ['only empty messages', () => ({ content: ['', '', ''] }), /^I didn't get a usable answer from the model\.$/],
    ['only template tokens', () => ({ behaviour: 'garbage' }), /^I didn't get a usable answer from the model\.$/],
    [
      'template tokens around an empty fence',
      () => ({ content: ['<|im_start|>assistant\n', '```json\n```', '<|eot_id|>'] }),
      /^I didn't get a usable answer from the model\.$/,
    ],
  ];

  for (const [mode, turn, sentence] of garbage) {
    it(`${mode}: one plain sentence, nothing done`, async () => {
      const before = containers.states();
      const { hostile, text } = await turnWith(turn(containers.running().name));
      expect(text).toMatch(sentence);
      expectOneSentence(text);
      expect(hostile.audit()).toEqual([]);
      expectNoAction(hostile);
      expect(containers.states()).toEqual(before);
    });
  }

  it('a stream cut after some words: what was said stays, then the failure sentence, nothing done', async () => {
    const { hostile, text } = await turnWith({ behaviour: 'cut', content: ['Let me look at that'] });
    expect(text).toBe('Let me look at that The language model stopped answering midway.');
    expect(text).not.toMatch(/\bdone\b/i);
    expectNoAction(hostile);
  });

  it('never answers at all: the first-token timeout ends the turn with one sentence and closes the socket', async () => {
    const before = containers.states();
    const { hostile, text, ms } = await turnWith({ behaviour: 'hang' });
    expect(text).toBe('The language model took too long to answer.');
    // The first-token timer ended it (the operator's log says which), well before a loaded machine's slack runs out.
    expect(hostile.test.logLines.join('\n')).toContain(`sent nothing within ${timeouts.firstTokenMs} ms`);
    expect(ms).toBeLessThan(timeouts.requestMs + 3000);
    await hostile.fake.waitForAbortedChat();
    expectNoAction(hostile);
    expect(containers.states()).toEqual(before);
  });

  it('answers once and then stalls: the overall timeout ends the turn with one sentence', async () => {
    const { hostile, text, ms } = await turnWith({ behaviour: 'stall', content: [''] });
    expect(text).toBe('The language model took too long to answer.');
    expect(ms).toBeGreaterThanOrEqual(timeouts.requestMs - 50);
    expect(ms).toBeLessThan(timeouts.requestMs + 3000);
    expect(hostile.test.logLines.join('\n')).toContain(`did not finish within ${timeouts.requestMs} ms`);
    await hostile.fake.waitForAbortedChat();
    expectNoAction(hostile);
  });

  it('trickles a call one token at a time past the deadline: nothing runs, one sentence', async () => {
    const before = containers.states();
    const call = restartCall(containers.running().name);
    const { hostile, text } = await turnWith({ content: [...call], chunkDelayMs: 40 });
    expect(text).toBe('The language model took too long to answer.');
    expect(rowsOf(hostile, 'approval-created')).toEqual([]);
    expectNoAction(hostile);
    expect(containers.states()).toEqual(before);
  });

  it('hangs after a refused call: the timeout sentence, and the refusal is audited', async () => {
    const hostile = await session.start({
      timeouts,
      turns: [{ toolCalls: [{ name: 'format_disk', arguments: { device: '/dev/sda' } }] }, { behaviour: 'hang' }],
    });
    const reply = await ask(hostile.test.app, 'sort out my media box for me');
    expect(reply.text).toMatch(/took too long to answer\./);
    expect(reply.text).not.toMatch(/\bdone\b(?! was)/i);
    expect(rowsOf(hostile, 'tool-refused', 'format_disk')).toEqual(['tool-refused:format_disk:refused']);
    expectNoAction(hostile);
  });
});
