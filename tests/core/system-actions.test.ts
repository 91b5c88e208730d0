/**
 * Work no person started (an alert offering a restart) through core.requestAction, on the real app and
 * the private Docker engine: a confirm-tier action waits for an approval that a stranger cannot give,
 * an approver can (by voice only when the target is named), runs once and is audited; a safe one runs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectReply } from '../../src/core/turn.js';
import { systemPerson } from '../../src/policy/system-caller.js';
import type { PersonRef } from '../../src/types.js';
import { describeDocker } from '../helpers/docker-engine.js';
import { ask, closedPortUrl, createCoreTestApp, localPerson, type CoreTestApp } from './core-test-app.js';
import { startTestContainer, type TestContainer } from './test-container.js';

const stranger: PersonRef = { channel: 'telegram', externalId: '555' };
const approver: PersonRef = { channel: 'telegram', externalId: '999' };
const room: PersonRef = { channel: 'voice', externalId: 'room' };

let test: CoreTestApp;
let container: TestContainer;
beforeAll(async () => {
  // A name a person can say: the spoken confirmation must name it.
  container = startTestContainer({ prefix: 'sysvox-system', name: 'sysvox-alert-demo' });
  test = await createCoreTestApp({
    ollamaHost: await closedPortUrl(),
    yaml: ['policy:', "  approvers: ['telegram:999', 'voice:room']"],
  });
}, 60_000);
afterAll(async () => {
  await test?.close();
  container?.remove();
});

const reason = 'sysvox-alert-demo has been unhealthy for 5 minutes';
const answer = (person: PersonRef, approvalId: string, decision: 'approve' | 'deny' = 'approve') =>
  test.app.core.resolveApproval({ approvalId, decision, person, channel: person.channel });
const say = (text: string) =>
  collectReply(test.app.core.handle({ channel: 'voice', person: room, conversation: 'mic', text, modality: 'voice' }));

describeDocker('actions sysvox asks for itself', () => {
  it('a restart waits for approval: not a stranger, not sysvox itself; an approver by voice naming the target; once', async () => {
    const { app } = test;
    const before = container.startedAt();
    const outcome = await app.core.requestAction({ tool: 'docker_restart', input: { name: 'alert demo' }, reason });
    if (outcome.status !== 'approval-required') throw new Error(`expected an approval, got ${JSON.stringify(outcome)}`);
    const { approval } = outcome;
    expect(approval.description).toBe("restart container 'sysvox-alert-demo'");
    expect(app.listApprovals({ all: false })).toMatchObject([
      { id: approval.id, requester: 'sysvox', channel: 'system', status: 'pending' },
    ]);

    expect((await answer(stranger, approval.id)).status).toBe('not-allowed');
    expect((await ask(app, 'yes', stranger)).text).toMatch(/nothing waiting/i);
    expect((await answer(systemPerson, approval.id)).status).toBe('not-allowed');
    expect((await say('yes')).text).toBe('To confirm, say: yes, restart sysvox alert demo.');
    expect(container.startedAt()).toBe(before);

    const confirmed = await say('yes restart sysvox alert demo');
    expect(confirmed.text).toBe("Done: restart container 'sysvox-alert-demo'.");
    const restartedAt = container.startedAt();
    expect(restartedAt).not.toBe(before);
    expect(container.running()).toBe(true);

    expect(await answer(approver, approval.id)).toMatchObject({ status: 'already-resolved' });
    expect(container.startedAt()).toBe(restartedAt);

    const rows = app.auditEntries(100).filter((row) => row.detail.includes(approval.id));
    expect(rows.map((row) => `${row.kind}/${row.outcome}/${row.channel}`)).toEqual([
      'approval-created/pending/system',
      'approval-rejected/not-allowed/telegram',
      'approval-rejected/not-allowed/system',
      'approval-rejected/needs-target/voice',
      'approval-approved/approved/voice',
      'tool-call/ok/voice',
      'approval-rejected/already-resolved/telegram',
    ]);
    expect(rows[0]?.detail).toContain(`(system: ${reason})`);
    expect(rows.every((row) => row.host === 'local')).toBe(true);
  }, 60_000);

  it("the operator at the CLI may answer sysvox's requests too; a safe action simply runs and is audited", async () => {
    const { app } = test;
    const before = container.startedAt();
    const outcome = await app.core.requestAction({
      tool: 'docker_restart',
      input: { name: 'sysvox-alert-demo' },
      reason,
    });
    if (outcome.status !== 'approval-required') throw new Error(`expected an approval, got ${JSON.stringify(outcome)}`);
    const denied = await answer(localPerson, outcome.approval.id, 'deny');
    expect(denied).toMatchObject({
      status: 'denied',
      message: "Cancelled: I will not restart container 'sysvox-alert-demo'.",
    });
    expect(container.startedAt()).toBe(before);

    const inspected = await app.core.requestAction({
      tool: 'docker_inspect',
      input: { name: 'sysvox-alert-demo' },
      reason,
    });
    expect(inspected.status).toBe('ok');
    const last = app.auditEntries(1)[0];
    expect(last).toMatchObject({
      kind: 'tool-call',
      channel: 'system',
      tool: 'docker_inspect',
      outcome: 'ok',
      host: 'local',
    });
    expect(last?.detail).toContain('(system: ');
  }, 30_000);
});
