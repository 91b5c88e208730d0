import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { openMemory, type Memory } from '../../src/memory/memory.js';
import type { Caller } from '../../src/policy/outcome.js';
import { createToolRunner, type ToolRunner } from '../../src/policy/tool-runner.js';
import type { HostDirectory } from '../../src/toolkit/hosts.js';
import { createToolRegistry } from '../../src/toolkit/registry.js';
import { defineTool, type AnyTool, type Risk } from '../../src/toolkit/tool.js';
import { ToolError } from '../../src/errors.js';

/** A container restart stand-in that counts how often it really ran, with what, and on which host. */
export function createCountingRestartTool(known = ['plex-server', 'jellyfin']) {
  const runs: string[] = [];
  const hosts: string[] = [];
  const tool = defineTool({
    name: 'restart_container',
    description: 'Restart a container.',
    risk: 'confirm',
    input: z.object({ name: z.string().min(1) }),
    describeCall: (input) => `restart container '${input.name}'`,
    confirmTarget: (input) => input.name,
    resolve: async (input) => {
      const match = known.find((name) => name.includes(input.name));
      if (!match) throw new ToolError('restart_container', `There is no container called ${input.name}.`);
      return { name: match };
    },
    execute: async (input, context) => {
      runs.push(input.name);
      hosts.push(context.host);
      return { restarted: input.name };
    },
  });
  return { tool, runs, hosts };
}

export interface PolicyFixture {
  dir: string;
  databasePath: string;
  memory: Memory;
  runner: ToolRunner;
  runs: string[];
  /** ToolContext.host of each run, in order. */
  hostsRun: string[];
  now: { value: Date };
  caller(overrides?: Partial<Caller> & { externalId?: string }): Caller;
  reopen(): void;
  close(): void;
}

export interface PolicyFixtureOptions {
  extraTools?: AnyTool[];
  overrides?: Record<string, Risk>;
  approvers?: string[];
  budget?: number;
  toolTimeoutMs?: number;
  hosts?: HostDirectory;
}

export function createPolicyFixture(options: PolicyFixtureOptions = {}): PolicyFixture {
  const dir = mkdtempSync(join(tmpdir(), 'sysvox-policy-'));
  const databasePath = join(dir, 'sysvox.db');
  const now = { value: new Date('2026-01-01T12:00:00Z') };
  const clock = () => new Date(now.value);
  const { tool, runs, hosts } = createCountingRestartTool();
  const registry = createToolRegistry([tool, ...(options.extraTools ?? [])], options.overrides ?? {});
  const build = () => {
    const memory = openMemory({ path: databasePath, clock });
    const runner = createToolRunner({
      registry,
      memory,
      clock,
      outputBudgetChars: options.budget ?? 4000,
      approvalTtlSeconds: 300,
      approvers: options.approvers ?? ['telegram:999'],
      toolTimeoutMs: options.toolTimeoutMs,
      hosts: options.hosts,
    });
    return { memory, runner };
  };
  const fixture: PolicyFixture = {
    dir,
    databasePath,
    runs,
    hostsRun: hosts,
    now,
    ...build(),
    caller(overrides = {}) {
      const channel = overrides.channel ?? 'cli';
      const externalId = overrides.externalId ?? 'local';
      const person = fixture.memory.people.resolve({ channel, externalId });
      return { personId: person.id, channel, externalId, modality: 'text', ...overrides };
    },
    reopen() {
      fixture.memory.close();
      Object.assign(fixture, build());
    },
    close() {
      fixture.memory.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}
