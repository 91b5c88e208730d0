import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../fakes/fake-telegram.js';

const wireDirectory = join(import.meta.dirname, '..', 'fakes', 'telegram-wire');
const examples = readdirSync(wireDirectory).filter((name) => name.endsWith('.json'));

interface WireExample {
  request: { method: string; body: Record<string, unknown> };
  response: { ok: boolean; result?: unknown; error_code?: number; description?: string; parameters?: unknown };
}

/** The shape of a JSON value: object keys (recursively, first array item), not the values. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shape((value as Record<string, unknown>)[key])]),
    );
  return typeof value;
}

let fake: FakeTelegram;
beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterAll(() => fake.close());

describe('the fake Bot API answers like the recorded examples', () => {
  it.each(examples)('%s', async (name) => {
    const example = JSON.parse(readFileSync(join(wireDirectory, name), 'utf8')) as WireExample;
    if (example.request.method === 'getUpdates' && example.response.ok) {
      for (const update of example.response.result as { update_id: number }[]) {
        const { update_id: _ignored, ...body } = update;
        fake.enqueueUpdate(body);
      }
    }
    if (example.request.method === 'getFile') fake.addFile(String(example.request.body.file_id), Buffer.alloc(7421));
    const method = example.request.method;
    if (example.response.error_code === 429) fake.failNext(method, { kind: 'rate-limit', retryAfterSeconds: 1 });
    if (example.response.error_code === 403) fake.failNext(method, { kind: 'blocked' });
    if (example.response.error_code === 409) fake.failNext(method, { kind: 'conflict' });

    const response = await fetch(`${fake.apiRoot}/bot${fake.token}/${example.request.method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(example.request.body),
    });
    const body = (await response.json()) as WireExample['response'];

    expect(response.status).toBe(example.response.error_code ?? 200);
    expect(shape(stripOptional(body))).toEqual(shape(stripOptional(example.response)));
    if (example.response.description !== undefined) expect(body.description).toBe(example.response.description);
  });
});

/** Drops what the fake does not claim to send: language_code on users, first_name on chats. */
function stripOptional(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripOptional);
  if (value === null || typeof value !== 'object') return value;
  const isChat = 'type' in value;
  const kept = Object.entries(value).filter(([key]) => key !== 'language_code' && !(isChat && key === 'first_name'));
  return Object.fromEntries(kept.map(([key, inner]) => [key, stripOptional(inner)]));
}
