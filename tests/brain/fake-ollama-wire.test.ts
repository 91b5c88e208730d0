import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createBrain } from '../../src/brain/brain.js';
import { silentLogger } from '../../src/log.js';
import { startFakeOllama, type FakeOllama } from '../fakes/fake-ollama.js';
import { collect, request, settingsFor } from './brain-harness.js';

const wire = (name: string) => readFileSync(new URL(`../fakes/ollama-wire/${name}`, import.meta.url), 'utf8');
const ndjson = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
/** created_at and the timing figures differ on every run; everything else must match the recording. */
const stable = (chunk: Record<string, unknown>) => {
  const copy: Record<string, unknown> = { ...chunk };
  for (const key of Object.keys(copy))
    if (key === 'created_at' || key.endsWith('_duration') || key.endsWith('_count')) copy[key] = typeof copy[key];
  return copy;
};

let fake: FakeOllama | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${fake!.url}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('the fake Ollama speaks the recorded wire format', () => {
  it('streams a tool call like the recording: whole, in a done:false chunk, arguments as an object', async () => {
    fake = await startFakeOllama({ turns: [{ toolCalls: [{ name: 'cpu_usage', arguments: {} }] }] });
    const response = await post('/api/chat', JSON.parse(wire('chat-tool-call.request.json')));
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    expect(ndjson(await response.text()).map(stable)).toEqual(
      ndjson(wire('chat-tool-call.response.ndjson')).map(stable),
    );
  });

  it('streams text like the recording', async () => {
    fake = await startFakeOllama({ turns: [{ content: ['CPU is', ' at 12 percent.'] }] });
    const response = await post('/api/chat', JSON.parse(wire('chat-tool-call.request.json')));
    expect(ndjson(await response.text()).map(stable)).toEqual(ndjson(wire('chat-text.response.ndjson')).map(stable));
  });

  it('answers /api/show and /api/tags like the recordings', async () => {
    fake = await startFakeOllama();
    const show = (await (await post('/api/show', { model: 'qwen2.5:7b' })).json()) as Record<string, unknown>;
    expect({ ...show, modified_at: 'x' }).toEqual({
      ...JSON.parse(wire('show-tools.response.json')),
      modified_at: 'x',
    });
    const tags = (await (await fetch(`${fake.url}/api/tags`)).json()) as { models: Record<string, unknown>[] };
    const recorded = JSON.parse(wire('tags.response.json')) as { models: Record<string, unknown>[] };
    expect(tags.models.map((model) => ({ ...model, modified_at: 'x' }))).toEqual(
      recorded.models.map((model) => ({ ...model, modified_at: 'x' })),
    );
  });

  it('receives from the real ollama client a request shaped like the recording', async () => {
    fake = await startFakeOllama({ turns: [{ content: ['Fine.'] }] });
    const recorded = JSON.parse(wire('chat-tool-call.request.json')) as Record<string, unknown>;
    const tools = recorded.tools as never;
    const brain = createBrain({ ollama: settingsFor(fake.url), tools, log: silentLogger });
    await collect(brain.run(request('how busy is the cpu?')));
    const sent = fake.chatBodies()[0] as unknown as Record<string, unknown>;
    expect(Object.keys(sent).sort()).toEqual(Object.keys(recorded).sort());
    expect({ ...sent, messages: [] }).toEqual({ ...recorded, messages: [] });
  });
});
