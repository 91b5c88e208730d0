/**
 * What every hostile-model test shares: the real app (createApp, SQLite, policy, the private Docker
 * engine) with ollama.host pointing at a fake Ollama over a real socket, test-owned containers whose
 * StartedAt and state prove nothing was restarted, stopped or started, and the audit rows as
 * "kind:tool:outcome" strings.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startFakeOllama, type FakeOllama, type FakeTurn } from '../fakes/fake-ollama.js';
import { testDockerHost } from '../helpers/docker-engine.js';
import { ask, createCoreTestApp, type CoreTestApp, type CoreTestAppOptions } from '../core/core-test-app.js';
import { startTestContainer, type TestContainer } from '../core/test-container.js';

export { ask };

/** The tools that change a container; none of them may ever run in these tests. */
export const actionTools = ['docker_restart', 'docker_stop', 'docker_start'] as const;

export interface HostileApp {
  test: CoreTestApp;
  fake: FakeOllama;
  /** Every audit row, oldest first, as "kind:tool:outcome". */
  audit(): string[];
}

export interface HostileStartOptions extends Pick<CoreTestAppOptions, 'yaml' | 'timeouts'> {
  turns: FakeTurn[];
}

/** Registers the cleanup and returns start(), which builds a fresh app and fake for one test. */
export function hostileSession(): { start(options: HostileStartOptions): Promise<HostileApp> } {
  let fake: FakeOllama | undefined;
  let test: CoreTestApp | undefined;
  afterEach(async () => {
    await test?.close();
    await fake?.close();
    test = undefined;
    fake = undefined;
  });
  return {
    async start(options) {
      fake = await startFakeOllama({ turns: options.turns });
      test = await createCoreTestApp({ ollamaHost: fake.url, yaml: options.yaml, timeouts: options.timeouts });
      const app = test.app;
      return {
        test,
        fake,
        audit: () =>
          app
            .auditEntries(1000)
            .reverse()
            .map((entry) => `${entry.kind}:${entry.tool ?? ''}:${entry.outcome}`),
      };
    },
  };
}

/** Audit rows of one kind (and tool). */
export function rowsOf(hostile: HostileApp, kind: string, tool?: string): string[] {
  return hostile.audit().filter((row) => row.startsWith(`${kind}:${tool ?? ''}`));
}

/** No restart, stop or start ran (a name that did not resolve is audited as tool-call ... error), none was approved. */
export function expectNoAction(hostile: HostileApp): void {
  const ran = hostile.audit().filter((row) => actionTools.some((tool) => row === `tool-call:${tool}:ok`));
  expect(ran).toEqual([]);
  expect(rowsOf(hostile, 'approval-approved')).toEqual([]);
}

/** One plain sentence: one full stop at the end, no JSON, tags or template tokens. */
export function expectOneSentence(text: string): void {
  expect(text).toMatch(/^[A-Z][^.!?]*[.!?]$/);
  expect(text).not.toMatch(/[{}<>`]|\|im_/);
}

function docker(args: string[]): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: testDockerHost() },
    timeout: 30_000,
  }).trim();
}

export interface ContainerState {
  name: string;
  startedAt: string;
  running: boolean;
}

/** Test-owned containers for the whole file: `running` up, `stopped` created and stopped; removed afterwards. */
export function ownedContainers(prefix: string): {
  running: () => TestContainer;
  stopped: () => TestContainer;
  /** StartedAt and state of both, to compare before and after a turn. */
  states: () => ContainerState[];
} {
  let running: TestContainer | undefined;
  let stopped: TestContainer | undefined;
  beforeAll(() => {
    running = startTestContainer({ prefix: `${prefix}-up` });
    stopped = startTestContainer({ prefix: `${prefix}-down` });
    docker(['stop', '-t', '5', stopped.name]);
  }, 60_000);
  afterAll(() => {
    running?.remove();
    stopped?.remove();
  });
  const states = () =>
    [running!, stopped!].map((container) => ({
      name: container.name,
      startedAt: container.startedAt(),
      running: container.running(),
    }));
  return { running: () => running!, stopped: () => stopped!, states };
}
