/**
 * The approval flow from the terminal against the real Docker engine: `ask "restart X"` only asks,
 * `approvals approve` restarts once, a second approve changes nothing, `deny` leaves the container
 * alone, `audit --jsonl` records it all, and `chat` approves with "yes" at the prompt.
 * Each test restarts only its own throwaway container (sysvox-cli-<random>).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDocker, waitFor } from '../helpers/docker-engine.js';
import {
  approvalIdIn,
  buildCli,
  chatSession,
  containerStartedAt,
  createOwnedContainer,
  createWorkspace,
  removeContainer,
  type CliWorkspace,
} from './cli-harness.js';

describeDocker('sysvox approvals on the real Docker engine', () => {
  let workspace: CliWorkspace;
  const containers: string[] = [];
  beforeAll(() => {
    buildCli();
    workspace = createWorkspace();
    containers.push(createOwnedContainer(), createOwnedContainer(), createOwnedContainer());
  }, 240_000);
  afterAll(() => {
    containers.forEach(removeContainer);
    workspace?.remove();
  });
  const restartedSince = (name: string, before: string) =>
    waitFor(async () => (containerStartedAt(name) !== before ? true : undefined), 15_000, `${name} to restart`);

  it('asks first, restarts once on approve, and says a second approve was already handled', async () => {
    const [name = ''] = containers;
    const before = containerStartedAt(name);
    const asked = await workspace.run(['ask', `restart ${name}`]);
    expect(asked.exitCode).toBe(0);
    const id = approvalIdIn(asked.stdout);
    expect(containerStartedAt(name)).toBe(before);

    const listed = await workspace.run(['approvals']);
    expect(listed.stdout).toMatch(new RegExp(`^${id}\\s+pending\\s.*'${name}'`, 'm'));

    const approved = await workspace.run(['approvals', 'approve', id]);
    expect(approved.exitCode).toBe(0);
    await restartedSince(name, before);
    const afterFirst = containerStartedAt(name);

    const again = await workspace.run(['approvals', 'approve', id]);
    expect(again.stdout).toMatch(/already/i);
    expect(again.exitCode).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(containerStartedAt(name)).toBe(afterFirst);
    expect((await workspace.run(['approvals'])).stdout).not.toContain(id);
  });

  it('deny leaves the container running untouched', async () => {
    const name = containers[1] ?? '';
    const before = containerStartedAt(name);
    const id = approvalIdIn((await workspace.run(['ask', `restart ${name}`])).stdout);
    const denied = await workspace.run(['approvals', 'deny', id]);
    expect(denied.exitCode).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(containerStartedAt(name)).toBe(before);
    const all = await workspace.run(['approvals', '--all']);
    expect(all.stdout).toMatch(new RegExp(`^${id}\\s+denied\\s`, 'm'));
  });

  it('approve or deny an id that does not exist exits 1 and says nothing is waiting', async () => {
    for (const decision of ['approve', 'deny']) {
      const result = await workspace.run(['approvals', decision, 'no-such-id']);
      expect(result.stdout, `stderr: ${result.stderr}`).toMatch(/nothing waiting for your approval/i);
      expect(result.exitCode).toBe(1);
    }
  });

  it('audit --jsonl prints valid JSON lines with the approval created and approved', async () => {
    const result = await workspace.run(['audit', '--jsonl', '-n', '200']);
    expect(result.exitCode).toBe(0);
    const entries = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; tool: string | null; detail: string });
    const kinds = entries.map((entry) => entry.kind);
    expect(kinds).toContain('approval-created');
    expect(kinds).toContain('approval-approved');
    expect(
      entries.some((entry) => entry.kind === 'approval-approved' && entry.detail.includes(containers[0] ?? '-')),
    ).toBe(true);
  });

  it('chat answers, and "yes" at the prompt approves and restarts', async () => {
    const name = containers[2] ?? '';
    const before = containerStartedAt(name);
    const session = await chatSession(workspace, ['what is the uptime', `restart ${name}`, 'yes', 'exit']);
    expect(session.exitCode, session.stderr).toBe(0);
    expect(session.stdout).toMatch(/up for/i);
    expect(session.stdout).toMatch(/needs your approval/i);
    await restartedSince(name, before);
  }, 60_000);
});
