import { describe, expect, it } from 'vitest';
import type { InvokeOutcome } from '../../src/policy/outcome.js';
import type { RouterMatch } from '../../src/router/types.js';
import { testRouter } from '../helpers/router-areas.js';
import { containerFixture, snapshotFixture, troubledContainers } from './fixtures.js';
import { testVocabulary } from './vocabulary.js';

type Script = Record<string, (input: unknown) => InvokeOutcome>;

/** A hand-written invoker: answers from a script per tool and records every call. */
function fakeInvoker(script: Script) {
  const calls: { tool: string; input: unknown }[] = [];
  return {
    calls,
    invoke: async (tool: string, input: unknown): Promise<InvokeOutcome> => {
      calls.push({ tool, input });
      const reply = script[tool];
      if (!reply) return { status: 'refused', tool, message: `No script for ${tool}.` };
      return reply(input);
    },
  };
}

const ok = (tool: string, data: unknown): InvokeOutcome => ({ status: 'ok', tool, output: JSON.stringify(data), data });
const router = testRouter();
/** The answer the router gives for a match, calling tools through this invoker. */
const answerIntent = (
  match: RouterMatch,
  invoker: { invoke: (tool: string, input: unknown) => Promise<InvokeOutcome> },
) => router.answer(match, invoker.invoke);
const matchOf = (text: string) => {
  const found = router.match(text, testVocabulary);
  if (!found) throw new Error(`"${text}" did not match`);
  return found;
};

describe('answerIntent', () => {
  it('answers the overall status from the system snapshot and the container list', async () => {
    const invoker = fakeInvoker({
      system_status: () => ok('system_status', snapshotFixture({ filesystems: [] })),
      docker_list_containers: () => ok('docker_list_containers', troubledContainers),
    });
    const reply = await answerIntent(matchOf('how is the server doing'), invoker);
    expect(reply).toEqual({
      kind: 'answer',
      text: 'CPU is at 12 percent, memory at 41 percent, but 2 of 5 containers have problems: db-unhealthy is unhealthy and job-exited exited with code 3.',
    });
    expect(invoker.calls.map((call) => call.tool).sort()).toEqual(['docker_list_containers', 'system_status']);
  });

  it("says the status without containers when Docker can't be reached", async () => {
    const invoker = fakeInvoker({
      system_status: () => ok('system_status', snapshotFixture({ filesystems: [] })),
      docker_list_containers: () => ({
        status: 'error',
        tool: 'docker_list_containers',
        message: "I can't reach Docker: permission denied",
      }),
    });
    const reply = await answerIntent(matchOf('status'), invoker);
    expect(reply.kind === 'answer' && reply.text).toContain("I can't reach Docker.");
  });

  it('names the same problem containers in the status and in "which containers are unhealthy", with one Docker call', async () => {
    const containers = [
      ...troubledContainers,
      containerFixture('backup', 'exited', 'none', 'Exited (0) 3 hours ago'),
      containerFixture('spare', 'created', 'none', 'Created'),
    ];
    const invoker = fakeInvoker({
      system_status: () => ok('system_status', snapshotFixture({ filesystems: [] })),
      docker_list_containers: () => ok('docker_list_containers', containers),
    });
    const status = await answerIntent(matchOf('how is the server doing'), invoker);
    const unhealthy = await answerIntent(matchOf('which containers are unhealthy'), invoker);
    expect(status).toEqual({
      kind: 'answer',
      text: 'CPU is at 12 percent, memory at 41 percent, but 2 of 7 containers have problems: db-unhealthy is unhealthy and job-exited exited with code 3.',
    });
    expect(unhealthy).toEqual({ kind: 'answer', text: 'db-unhealthy is unhealthy, job-exited exited with code 3.' });
    expect(invoker.calls.map((call) => call.tool)).toEqual([
      'system_status',
      'docker_list_containers',
      'docker_list_containers',
    ]);
  });

  it('turns a tool error into its sentence', async () => {
    const message =
      "I can't reach Docker: /var/run/docker.sock is not readable by user sysvox; add it to the docker group";
    const invoker = fakeInvoker({
      docker_list_containers: () => ({ status: 'error', tool: 'docker_list_containers', message }),
    });
    const reply = await answerIntent(matchOf('which containers are unhealthy'), invoker);
    expect(reply).toEqual({ kind: 'answer', text: `${message}.` });
  });

  it('asks for approval on restart and decides nothing itself', async () => {
    const approval = {
      id: 'a1',
      tool: 'docker_restart',
      description: "restart container 'plex-server'",
      expiresAt: new Date('2026-01-01T00:05:00Z'),
      confirmPhrase: 'yes, restart plex-server',
    };
    const invoker = fakeInvoker({
      docker_restart: () => ({ status: 'approval-required', tool: 'docker_restart', approval }),
    });
    const reply = await answerIntent(matchOf('restart plex'), invoker);
    expect(reply).toEqual({
      kind: 'approval',
      approval,
      text: 'Restarting plex-server needs your approval. Say yes, restart plex-server, or no.',
    });
    expect(invoker.calls).toEqual([{ tool: 'docker_restart', input: { name: 'plex-server' } }]);
  });

  it('hands yes and no back to the core without calling any tool', async () => {
    const invoker = fakeInvoker({});
    expect(await answerIntent(matchOf('yes, restart plex'), invoker)).toEqual({
      kind: 'approval-decision',
      decision: 'approve',
      spokenText: 'yes restart plex',
      names: { target: 'plex-server', action: 'restart' },
    });
    expect(await answerIntent(matchOf('yes please'), invoker)).toEqual({
      kind: 'approval-decision',
      decision: 'approve',
      spokenText: 'yes',
    });
    expect(await answerIntent(matchOf('cancel'), invoker)).toEqual({
      kind: 'approval-decision',
      decision: 'deny',
      spokenText: 'cancel',
    });
    expect(invoker.calls).toEqual([]);
  });

  it('passes the mount, container and fact through to the right tool', async () => {
    const invoker = fakeInvoker({
      disk_usage: () => ok('disk_usage', snapshotFixture().filesystems),
      docker_logs: () => ok('docker_logs', { name: 'plex-server', stdout: ['started'], stderr: [], truncated: false }),
      remember_fact: () => ok('remember_fact', { remembered: 'nas is the storage box', id: 1 }),
      top_processes: () =>
        ok('top_processes', [{ pid: 1, name: 'node', cpuPercent: 50, memoryPercent: 3, memoryBytes: 1 }]),
    });
    const disk = await answerIntent(matchOf('how full is /data'), invoker);
    const logs = await answerIntent(matchOf('show me plex logs'), invoker);
    const fact = await answerIntent(matchOf('remember that nas is the storage box'), invoker);
    const top = await answerIntent(matchOf('what is using the cpu'), invoker);
    expect(disk).toEqual({ kind: 'answer', text: '/data is 95 percent full, 50 gigabytes free.' });
    expect(logs.kind === 'answer' && logs.text).toContain("The last line of plex-server's log: started.");
    expect(fact).toEqual({ kind: 'answer', text: "I'll remember that nas is the storage box." });
    expect(top).toEqual({ kind: 'answer', text: 'The most CPU goes to node at 50 percent.' });
    expect(invoker.calls.map((call) => call.input)).toEqual([
      { mount: '/data' },
      { name: 'plex-server', lines: 50, stream: 'both' },
      { text: 'nas is the storage box' },
      { by: 'cpu', limit: 3 },
    ]);
  });

  it("answers a host it does not know without calling a tool, and passes this machine as every call's host", async () => {
    const invoker = fakeInvoker({
      system_status: () => ok('system_status', snapshotFixture({ filesystems: [] })),
      docker_list_containers: () => ok('docker_list_containers', troubledContainers),
    });
    expect(await answerIntent(matchOf('how is nas'), invoker)).toEqual({
      kind: 'answer',
      text: "I don't know a host called nas.",
    });
    expect(invoker.calls).toEqual([]);
    const local = router.match('status of localhost', { ...testVocabulary, host: ['localhost'] });
    expect(local?.slots.host).toBe('localhost');
    const reply = await answerIntent(local!, invoker);
    expect(reply.kind === 'answer' && reply.text).toMatch(
      /^CPU is at 12 percent, memory at 41 percent, but 2 of 5 containers have problems/,
    );
    expect(invoker.calls).toEqual([
      { tool: 'system_status', input: { host: 'localhost' } },
      { tool: 'docker_list_containers', input: { all: true, host: 'localhost' } },
    ]);
  });

  it('says whether forgetting removed anything, from what forget_fact returns', async () => {
    const forget = async (data: unknown) =>
      answerIntent(matchOf('forget about nas'), fakeInvoker({ forget_fact: () => ok('forget_fact', data) }));
    expect(await forget({ removed: 2 })).toEqual({ kind: 'answer', text: "I've forgotten what I knew about nas." });
    expect(await forget({ removed: 0 })).toEqual({ kind: 'answer', text: 'I had nothing remembered about nas.' });
    expect(await forget({ done: true })).toEqual({
      kind: 'answer',
      text: 'I got an answer from forget fact that I could not read.',
    });
  });

  it('says so when a tool returns data it cannot read, instead of "undefined"', async () => {
    const invoker = fakeInvoker({ system_status: () => ok('system_status', { cpu: 12 }) });
    const reply = await answerIntent(matchOf('cpu'), invoker);
    expect(reply).toEqual({ kind: 'answer', text: 'I got an answer from system status that I could not read.' });
  });
});
