import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBrain } from '../../src/brain/brain.js';
import { checkToolCapability, probeOllama } from '../../src/brain/ollama-probe.js';
import { createLogger, silentLogger } from '../../src/log.js';
import { startFakeOllama, type FakeOllama } from '../fakes/fake-ollama.js';
import { offeredTools, settingsFor } from './brain-harness.js';

let fake: FakeOllama | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('Ollama probe (sysvox doctor, start-up check)', () => {
  it('is ok when the server is up and the model is pulled and can call tools', async () => {
    fake = await startFakeOllama({ version: '0.12.6' });
    const brain = createBrain({ ollama: settingsFor(fake.url), tools: offeredTools, log: silentLogger });
    const probe = await brain.probe();
    expect(probe).toMatchObject({ name: 'ollama', status: 'ok' });
    expect(probe.detail).toContain('0.12.6');
    expect(fake.requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'GET /api/version',
      'GET /api/tags',
      'POST /api/show',
    ]);
    expect(fake.requests[2]?.body).toMatchObject({ model: 'qwen2.5:7b' });
  });

  it('fails with the fix when the model cannot call tools, and the start-up check warns', async () => {
    fake = await startFakeOllama({ model: 'gemma2:2b', capabilities: ['completion'] });
    const lines: string[] = [];
    const probe = await checkToolCapability({
      host: fake.url,
      model: 'gemma2:2b',
      log: createLogger({ write: (line) => lines.push(line) }),
    });
    expect(probe.status).toBe('fail');
    expect(probe.detail).toMatch(/gemma2:2b cannot call tools/);
    expect(probe.fix).toMatch(/qwen2\.5/);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', fix: probe.fix });
  });

  it('fails with `ollama pull` when the model is not pulled', async () => {
    fake = await startFakeOllama({ pulled: ['llama3.1:latest'] });
    const probe = await probeOllama({ host: fake.url, model: 'qwen2.5:7b' });
    expect(probe).toMatchObject({ status: 'fail', fix: 'ollama pull qwen2.5:7b' });
  });

  it('matches an untagged model name to :latest, as the ollama CLI does', async () => {
    fake = await startFakeOllama({ model: 'llama3.1:latest' });
    expect((await probeOllama({ host: fake.url, model: 'llama3.1' })).status).toBe('ok');
  });

  it('fails with how to start Ollama when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const probe = await probeOllama({ host: `http://127.0.0.1:${port}`, model: 'qwen2.5:7b' });
    expect(probe.status).toBe('fail');
    expect(probe.detail).toMatch(/ECONNREFUSED/);
    expect(probe.fix).toMatch(/systemctl start ollama/);
  });
});
