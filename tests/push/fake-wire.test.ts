/**
 * The fake Gotify and ntfy servers answer like the recorded examples of each server's API
 * (tests/fakes/gotify-wire, tests/fakes/ntfy-wire): same status, same shape, and for an error the
 * exact body, since sysvox passes the server's own words on to people.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGotify } from '../fakes/fake-gotify.js';
import { startFakeNtfy, type FakeNtfyOptions } from '../fakes/fake-ntfy.js';
import type { RecordingServer } from '../fakes/push-server.js';

interface WireExample {
  fake?: FakeNtfyOptions;
  request: { method: string; path: string; headers?: Record<string, string>; body?: unknown; text?: string };
  response: { status: number; body: unknown };
}

const fakes = join(import.meta.dirname, '..', 'fakes');
const examplesIn = (folder: string) =>
  readdirSync(join(fakes, folder))
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name, JSON.parse(readFileSync(join(fakes, folder, name), 'utf8')) as WireExample] as const);

/** The shape of a JSON value: object keys (recursively, first array item) and value types, not the values. */
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

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function replay(example: WireExample, token: string): Promise<{ status: number; body: unknown }> {
  const withToken = (text: string) => text.replaceAll('<token>', token);
  const headers = Object.fromEntries(
    Object.entries(example.request.headers ?? {}).map(([name, value]) => [name, withToken(value)]),
  );
  const body = example.request.body === undefined ? example.request.text : JSON.stringify(example.request.body);
  const response = await fetch(new URL(example.request.path.slice(1), server!.url), {
    method: example.request.method,
    headers,
    body,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

function expectLikeRecorded(answer: { status: number; body: unknown }, example: WireExample): void {
  expect(answer.status).toBe(example.response.status);
  if (example.response.status === 200) expect(shape(answer.body)).toEqual(shape(example.response.body));
  else expect(answer.body).toEqual(example.response.body);
}

describe('the fake Gotify answers like the recorded examples', () => {
  it.each(examplesIn('gotify-wire'))('%s', async (_name, example) => {
    const gotify = await startFakeGotify();
    server = gotify;
    const answer = await replay(example, gotify.token);
    expectLikeRecorded(answer, example);
    if (example.request.method === 'POST') expect(gotify.messages()).toHaveLength(answer.status === 200 ? 1 : 0);
  });
});

describe('the fake ntfy answers like the recorded examples', () => {
  const token = 'tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2';
  it.each(examplesIn('ntfy-wire'))('%s', async (_name, example) => {
    const options = { ...example.fake, ...(example.fake?.token ? { token } : {}) };
    const ntfy = await startFakeNtfy(options);
    server = ntfy;
    const answer = await replay(example, token);
    expectLikeRecorded(answer, example);
    if (answer.status === 200 && example.request.method === 'POST')
      expect(ntfy.messages()[0]).toMatchObject({
        message: example.request.text,
        title: (example.response.body as { title?: string }).title,
        priority: (example.response.body as { priority?: number }).priority,
        tags: (example.response.body as { tags?: string[] }).tags,
      });
  });
});
