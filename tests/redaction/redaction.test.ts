import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../src/log.js';
import { redactDeep, redactSecrets } from '../../src/toolkit/redact.js';
import { defineTool } from '../../src/toolkit/tool.js';
import { createPolicyFixture, type PolicyFixture } from '../policy/policy-fixture.js';

const telegramToken = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0';
const bearer = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlX3NpZ25hdHVyZQ';
const privateKeyBody = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB';
const planted = {
  envPassword: 'Tr0ub4dor-horse-42',
  envToken: 'pl4nted-env-token-value',
  logPassword: 'hunter2-from-the-logs',
  urlPassword: 'Sup3rS3cretUrl',
  github: 'ghp_0123456789abcdefghijABCDEFGHIJklmnop',
  aws: 'AKIAIOSFODNN7EXAMPLE',
};
const secretValues = [telegramToken, bearer, privateKeyBody, ...Object.values(planted)];

/** What a Docker inspect/logs tool might hand back: env, a log line, a key file, headers, a bot token. */
function leakyContainerReport() {
  return {
    name: 'plex-server',
    state: 'running',
    cpuPercent: 12.5,
    env: [`POSTGRES_PASSWORD=${planted.envPassword}`, `PLEX_CLAIM_TOKEN=${planted.envToken}`, 'TZ=Europe/Berlin'],
    logs: [
      `2026-01-01T10:00:00Z INFO connecting to postgres://plex:${planted.urlPassword}@db:5432/plex`,
      `2026-01-01T10:00:01Z WARN auth failed user=admin password=${planted.logPassword} from 10.0.0.7`,
      `2026-01-01T10:00:02Z DEBUG GET /api Authorization: Bearer ${bearer}`,
      `2026-01-01T10:00:03Z INFO bot started with token ${telegramToken}`,
      `2026-01-01T10:00:04Z INFO pushing with ${planted.github} and ${planted.aws}`,
      '2026-01-01T10:00:05Z INFO transcoder finished 3 jobs, 97% cache hit',
    ].join('\n'),
    keyFile: `-----BEGIN OPENSSH PRIVATE KEY-----\n${privateKeyBody}\nAAAA\n-----END OPENSSH PRIVATE KEY-----`,
    settings: { apiKey: 'abc', session: { id: 'keep-shape' } },
  };
}

let fixture: PolicyFixture | undefined;
afterEach(() => fixture?.close());

describe('secrets never leave a tool', () => {
  it('invoke() output and data carry no planted secret, but keep the ordinary facts', async () => {
    const inspect = defineTool({
      name: 'inspect_container',
      description: 'Inspect.',
      risk: 'safe',
      input: z.object({}),
      describeCall: () => 'inspect plex',
      execute: async () => leakyContainerReport(),
    });
    fixture = createPolicyFixture({ extraTools: [inspect] });
    const outcome = await fixture.runner.invoke({
      tool: 'inspect_container',
      input: {},
      caller: fixture.caller(),
      source: 'brain',
    });
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'ok') return;
    const everything = outcome.output + JSON.stringify(outcome.data);
    for (const secret of secretValues) expect(everything).not.toContain(secret);
    expect(outcome.output).toContain('POSTGRES_PASSWORD=[REDACTED]');
    expect(outcome.output).toContain('plex-server');
    expect(outcome.output).toContain('97% cache hit');
    expect(outcome.output).toContain('12.5');
    expect(outcome.data).toMatchObject({
      name: 'plex-server',
      settings: { apiKey: '[REDACTED]', session: '[REDACTED]' },
    });
  });

  it('a tool returning plain text (a log tail) is redacted the same way', async () => {
    const tail = defineTool({
      name: 'log_tail',
      description: 'Tail.',
      risk: 'safe',
      input: z.object({}),
      describeCall: () => 'tail logs',
      execute: async () => leakyContainerReport().logs,
    });
    fixture = createPolicyFixture({ extraTools: [tail] });
    const outcome = await fixture.runner.invoke({
      tool: 'log_tail',
      input: {},
      caller: fixture.caller(),
      source: 'brain',
    });
    const text = outcome.status === 'ok' ? outcome.output : '';
    for (const secret of secretValues) expect(text).not.toContain(secret);
    expect(text.split('\n')).toHaveLength(6);
    expect(text).toContain('user=admin password=[REDACTED] from 10.0.0.7');
  });

  it('log lines written through createLogger({ redact: redactSecrets }) carry no planted secret', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (line) => lines.push(line), redact: redactSecrets }).child('test');
    const report = leakyContainerReport();
    log.info(`container env ${report.env.join(' ')}`);
    log.warn('tool output', { report });
    log.error('telegram failed', {
      sessionPin: 987654,
      token: telegramToken,
      url: `https://api.telegram.org/bot${telegramToken}/getMe`,
    });
    const written = lines.join('\n');
    for (const secret of secretValues) expect(written).not.toContain(secret);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(written).not.toContain('987654');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ scope: 'test', message: expect.stringContaining('TZ=') });
  });
});

describe('redactSecrets on its own', () => {
  it.each([
    ['KEY=value env', 'export DB_PASSWORD=s3cret', 'export DB_PASSWORD=[REDACTED]'],
    ['yaml', 'password: "correct horse"', 'password: "[REDACTED]"'],
    ['json pair', '{"api_key":"abcd1234"}', '{"api_key":"[REDACTED]"}'],
    ['url credentials', 'mysql://root:toor@127.0.0.1/db', 'mysql://root:[REDACTED]@127.0.0.1/db'],
    ['slack', 'hook xoxb-1234567890-abcdefghijkl', 'hook [REDACTED]'],
    ['generic hex after a secret word', 'signing key 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d', 'signing key [REDACTED]'],
    ['cookie header', 'Cookie: sid=abc123; theme=dark', 'Cookie: [REDACTED]'],
  ])('%s', (_name, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it.each([
    'CPU is at 12 percent, memory at 41 percent, all 14 containers are healthy',
    'authelia: healthy, author: Jane, plex-server: running',
    '2026-01-01T10:00:00Z INFO request GET /web/index.html 200 12ms',
    'load: 0.52 1.10 0.98, uptime 3 days, /dev/sda1 87% used',
    'sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1',
  ])('leaves ordinary text intact: %s', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });

  it('redactDeep masks secret-named keys at any depth and leaves the input untouched', () => {
    const input = {
      Config: { Env: ['A_TOKEN=x1'], Labels: { 'com.example.password': 'p' } },
      cookies: ['a'],
      count: 3,
    };
    const output = redactDeep(input);
    expect(output).toEqual({
      Config: { Env: ['A_TOKEN=[REDACTED]'], Labels: { 'com.example.password': '[REDACTED]' } },
      cookies: '[REDACTED]',
      count: 3,
    });
    expect(input.Config.Env[0]).toBe('A_TOKEN=x1');
  });
});

describe('redaction across lines and nested pairs', () => {
  it('masks a private key block given as separate lines, keeping the other lines', () => {
    const lines = [
      'starting',
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXktdjEAAAAA',
      'QyNTUxOQAAACBvZXJ0',
      '-----END OPENSSH PRIVATE KEY-----',
      'ready',
    ];
    const masked = redactDeep({ stdout: lines }).stdout;
    expect(masked.join('\n')).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA');
    expect(masked.join('\n')).not.toContain('QyNTUxOQAAACBvZXJ0');
    expect(masked[0]).toBe('starting');
    expect(masked.at(-1)).toBe('ready');
  });

  it('masks a secret pair inside the value of a harmless pair', () => {
    expect(redactSecrets('Ollama answered HTTP 500: crashed on: password=swordfish')).not.toContain('swordfish');
    expect(redactSecrets('status: running')).toBe('status: running');
  });
});
