/**
 * Secrets in a container's log and environment, end to end: the model asks for docker_inspect and
 * docker_logs on the real engine, and no secret may reach the model, the user, the log or the audit.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDocker, waitFor } from '../helpers/docker-engine.js';
import { startFakeOllama, type FakeOllama } from '../fakes/fake-ollama.js';
import { ask, createCoreTestApp, eventsOf, type CoreTestApp } from '../core/core-test-app.js';
import { startTestContainer, type TestContainer } from '../core/test-container.js';
import type { TurnEvent } from '../../src/types.js';

const pemBody = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQ';
const bearerToken = 'eyJhbGciOiJIUzI1NiJ9.c3lzdm94LWJlYXJlci1zZWNyZXQ.Zm9vYmFyYmF6cXV4';
const pemBodyReversed = pemBody.split('').reverse().join('');
/** Every secret except the body lines of the multi-line key block (see the known-bug test below). */
const secrets = [
  'swordfish-log-secret',
  bearerToken,
  'env-secret-value',
  'hunter2-should-never-leak',
  'correct-horse-battery-staple',
];

const logScript = [
  'echo "app: connecting to db with password=swordfish-log-secret"',
  'echo "-----BEGIN OPENSSH PRIVATE KEY-----"',
  `echo "${pemBody}"`,
  `echo "${pemBodyReversed}"`,
  'echo "-----END OPENSSH PRIVATE KEY-----"',
  `echo "app: calling api with header Authorization: Bearer ${bearerToken}"`,
  'echo "app: ready"',
].join('\n');

let fake: FakeOllama;
let test: CoreTestApp;
let container: TestContainer;
let events: TurnEvent[] = [];
let reply = '';
let failedReply = '';

describeDocker('redaction from a container to every place a secret could leak', () => {
  beforeAll(async () => {
    container = startTestContainer({
      prefix: 'sysvox-redaction',
      env: { API_TOKEN: 'env-secret-value' },
      script: logScript,
    });
    const inspectAndLogs = (name: string) => [
      { name: 'docker_inspect', arguments: { name } },
      { name: 'docker_logs', arguments: { name, lines: 50 } },
    ];
    fake = await startFakeOllama({
      turns: [
        { toolCalls: inspectAndLogs(container.name) },
        { toolCalls: inspectAndLogs('plex-server') },
        // A model that echoes what it read: the reply is built from the tool output it was given.
        { content: ['I read the logs and the settings. ', 'Everything looks fine.'] },
        // Ollama failing with an error that quotes the prompt: the error text is logged.
        {
          behaviour: 'http500',
          error: `llama runner crashed while reading password=swordfish-log-secret with Authorization: Bearer ${bearerToken}`,
        },
      ],
    });
    test = await createCoreTestApp({ ollamaHost: fake.url });
    await waitFor(async () => (container.running() ? true : undefined), 10_000, 'the container to run');
    const result = await ask(test.app, 'look at the logs and settings of my app and plex and tell me what you see');
    const failed = await ask(test.app, 'and why did my app restart last night');
    events = [...result.events, ...failed.events];
    reply = result.text;
    failedReply = failed.text;
  }, 30_000);

  afterAll(async () => {
    await test?.close();
    await fake?.close();
    container?.remove();
  });

  it('ran both tools on both containers and read real log lines', () => {
    const results = eventsOf(events, 'tool-result');
    expect(results.map((result) => `${result.tool}:${result.ok}`)).toEqual([
      'docker_inspect:true',
      'docker_logs:true',
      'docker_inspect:true',
      'docker_logs:true',
    ]);
    expect(results[1]!.output).toContain('app: ready');
    expect(results[1]!.output).toContain('connecting to db');
    expect(reply).toContain('Everything looks fine.');
  });

  it('sends no secret to the model', () => {
    const bodies = JSON.stringify(fake.chatBodies());
    expect(fake.chatBodies().length).toBe(4);
    expect(bodies).toContain('app: ready');
    for (const secret of secrets) expect(bodies).not.toContain(secret);
  });

  it('shows no secret in any event or in the reply', () => {
    const shown = JSON.stringify(events) + reply + failedReply;
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });

  it('writes no secret to the log, even when Ollama fails with an error that quotes them', () => {
    expect(failedReply).toMatch(/language model failed/i);
    expect(test.logLines.some((line) => line.includes('llama runner crashed'))).toBe(true);
    const logged = test.logLines.join('\n');
    for (const secret of secrets) expect(logged).not.toContain(secret);
  });

  it('writes no secret to the audit table, which records every call', () => {
    const audit = test.app.auditEntries(100);
    expect(audit.filter((entry) => entry.tool === 'docker_logs')).toHaveLength(2);
    const stored = JSON.stringify(audit);
    for (const secret of secrets) expect(stored).not.toContain(secret);
  });

  // redactDeep redacts an array of lines as one text, so a key block Docker returns line by line is masked whole.
  it('the body lines of a private key block split over log lines reach neither the model nor the user', () => {
    const everywhere = JSON.stringify(fake.chatBodies()) + JSON.stringify(events);
    expect(everywhere).not.toContain(pemBody);
    expect(everywhere).not.toContain(pemBodyReversed);
  });

  // In "label: key=value" the harmless pair must not swallow the secret pair inside its value.
  it('a password right after "word: " in a logged error is masked', () => {
    test.app.log.warn('brain turn failed', {
      error: 'Ollama answered HTTP 500: crashed on: password=swordfish-log-secret',
    });
    expect(test.logLines.at(-1)).toContain('crashed on');
    expect(test.logLines.at(-1)).not.toContain('swordfish-log-secret');
  });
});
