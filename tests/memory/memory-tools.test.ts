import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemory, type Memory } from '../../src/memory/memory.js';
import { createToolRunner } from '../../src/policy/tool-runner.js';
import { createToolRegistry } from '../../src/toolkit/registry.js';
import { createMemoryTools } from '../../tools/memory/memory-tools.js';

let dir: string;
let memory: Memory;
afterEach(() => {
  memory.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fact tools', () => {
  it('remember, list and forget facts through the policy runner, all without approval', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sysvox-facts-'));
    memory = openMemory({ path: join(dir, 'sysvox.db') });
    const registry = createToolRegistry(createMemoryTools(memory));
    expect(registry.offered().map((spec) => spec.function.name)).toEqual([
      'remember_fact',
      'forget_fact',
      'list_facts',
    ]);
    expect(registry.offered()[0]?.function.parameters).toMatchObject({ type: 'object', required: ['text'] });
    const runner = createToolRunner({
      registry,
      memory,
      outputBudgetChars: 2000,
      approvalTtlSeconds: 300,
      approvers: [],
    });
    const caller = {
      personId: memory.people.resolve({ channel: 'cli', externalId: 'local' }).id,
      channel: 'cli',
      externalId: 'local',
      modality: 'text' as const,
    };
    const call = (tool: string, input: unknown) => runner.invoke({ tool, input, caller, source: 'brain' });

    expect(await call('remember_fact', { text: 'nas is the storage box' })).toMatchObject({ status: 'ok' });
    await call('remember_fact', { text: 'plex lives on the mini pc' });
    const listed = await call('list_facts', {});
    expect(listed).toMatchObject({
      status: 'ok',
      data: { facts: ['nas is the storage box', 'plex lives on the mini pc'] },
    });
    expect(await call('forget_fact', { query: 'storage box' })).toMatchObject({ status: 'ok', data: { removed: 1 } });
    expect(memory.facts.list().map((fact) => fact.text)).toEqual(['plex lives on the mini pc']);
    expect(await call('remember_fact', {})).toMatchObject({ status: 'refused' });
  });
});
