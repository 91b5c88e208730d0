import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './brain-harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.fake.close();
  harness = undefined;
});

describe('what the brain sends to Ollama', () => {
  it('sends model, keep_alive and num_ctx as configured, streaming, with the offered tools', async () => {
    harness = await startHarness(
      { model: 'llama3.1:8b', turns: [{ content: ['Fine.'] }] },
      { model: 'llama3.1:8b', keepAlive: '1h', numCtx: 16384 },
    );
    await harness.run('hi');
    const body = harness.fake.chatBodies()[0]!;
    expect(body).toMatchObject({ model: 'llama3.1:8b', stream: true, keep_alive: '1h', options: { num_ctx: 16384 } });
    expect(body.tools?.length).toBe(4);
  });

  it('puts the facts, the context notes, the history and the text in the request, in that order', async () => {
    harness = await startHarness({ turns: [{ content: ['The NAS is fine.'] }] });
    await harness.run('how is the nas?', {
      facts: ['nas is the storage box'],
      contextNotes: '## nas\nThe NAS runs TrueNAS at 10.0.0.5.',
      history: [
        { role: 'user', content: 'hello' },
        { role: 'assistant', content: 'Hi, what can I check?' },
      ],
    });
    const messages = harness.fake.chatBodies()[0]!.messages;
    expect(messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    const system = messages[0]!.content;
    expect(system).toContain('sysvox');
    expect(system).toMatch(/untrusted data/);
    expect(system).toContain('- nas is the storage box');
    expect(system).toContain('The NAS runs TrueNAS at 10.0.0.5.');
    expect(system.indexOf('nas is the storage box')).toBeLessThan(system.indexOf('TrueNAS'));
    expect(messages[2]!.content).toBe('Hi, what can I check?');
    expect(messages[3]!.content).toBe('how is the nas?');
  });

  it('sends each tool call back as the assistant message before its result', async () => {
    harness = await startHarness({
      turns: [
        { content: ['Checking.'], toolCalls: [{ name: 'cpu_usage', arguments: {} }] },
        { content: ['CPU is at 12 percent.'] },
      ],
    });
    const run = await harness.run('cpu?');
    const messages = harness.fake.chatBodies()[1]!.messages;
    expect(messages.slice(-2).map((message) => message.role)).toEqual(['assistant', 'tool']);
    expect(messages.at(-2)!.content).toBe('Checking.');
    expect(run.done.text).toBe('Checking. CPU is at 12 percent.');
  });
});
