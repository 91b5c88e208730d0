import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ToolError } from '../../src/errors.js';
import { auditKinds } from '../../src/policy/audit-kinds.js';
import { createToolRegistry } from '../../src/toolkit/registry.js';
import { defineTool } from '../../src/toolkit/tool.js';
import { createPolicyFixture, type PolicyFixture } from './policy-fixture.js';

let fixture: PolicyFixture;
afterEach(() => fixture?.close());

function auditKindsWritten() {
  return fixture.memory.audit.list({ limit: 100 }).map((row) => `${row.kind}/${row.outcome}`);
}

async function requestRestart(name = 'plex', caller = fixture.caller()) {
  const outcome = await fixture.runner.invoke({ tool: 'restart_container', input: { name }, caller, source: 'router' });
  if (outcome.status !== 'approval-required') throw new Error(`expected an approval, got ${JSON.stringify(outcome)}`);
  return outcome.approval;
}

describe('confirm-tier tools and approvals', () => {
  it('never runs a confirm tool without approval, and binds the approval to the resolved target', async () => {
    fixture = createPolicyFixture();
    const approval = await requestRestart('plex');
    expect(fixture.runs).toEqual([]);
    expect(approval.description).toBe("restart container 'plex-server'");
    expect(approval.confirmPhrase).toBe('yes, restart plex-server');
    expect(approval.id).toMatch(/^[a-z2-7]{10}$/);
    expect(approval.expiresAt.getTime() - fixture.now.value.getTime()).toBe(300_000);
    expect(auditKindsWritten()).toEqual([`${auditKinds.approvalCreated}/pending`]);
  });

  it('runs exactly once when approved; a second approval is already-resolved', async () => {
    fixture = createPolicyFixture();
    const approval = await requestRestart('plex');
    const first = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: fixture.caller(),
      approvalId: approval.id,
    });
    expect(first.status).toBe('executed');
    if (first.status === 'executed')
      expect(first.outcome).toMatchObject({ status: 'ok', data: { restarted: 'plex-server' } });
    const second = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: fixture.caller(),
      approvalId: approval.id,
    });
    expect(second.status).toBe('already-resolved');
    const third = await fixture.runner.resolveApproval({ decision: 'approve', by: fixture.caller() });
    expect(third.status).toBe('not-found');
    expect(fixture.runs).toEqual(['plex-server']);
    expect(auditKindsWritten()).toEqual([
      'approval-created/pending',
      'approval-approved/approved',
      'tool-call/ok',
      'approval-rejected/already-resolved',
      'approval-rejected/not-found',
    ]);
  });

  it('concurrent approvals of one request still run it once', async () => {
    fixture = createPolicyFixture();
    const approval = await requestRestart('plex');
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        fixture.runner.resolveApproval({ decision: 'approve', by: fixture.caller(), approvalId: approval.id }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual(['already-resolved', 'already-resolved', 'executed']);
    expect(fixture.runs).toEqual(['plex-server']);
  });

  it('expires after the TTL and then cannot be approved', async () => {
    fixture = createPolicyFixture();
    const approval = await requestRestart('plex');
    fixture.now.value = new Date(fixture.now.value.getTime() + 301_000);
    expect(fixture.runner.pending(fixture.caller().personId)).toEqual([]);
    const result = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: fixture.caller(),
      approvalId: approval.id,
    });
    expect(result.status).toBe('expired');
    expect(fixture.runs).toEqual([]);
    expect(fixture.memory.approvals.get(approval.id)?.status).toBe('expired');
    expect(auditKindsWritten()).toContain('approval-expired/expired');
  });

  it('expireStale marks old requests expired and audits them', async () => {
    fixture = createPolicyFixture();
    const plex = await requestRestart('plex');
    await requestRestart('jellyfin');
    expect(fixture.runner.expireStale()).toBe(0);
    fixture.now.value = new Date(fixture.now.value.getTime() + 600_000);
    expect(fixture.runner.expireStale()).toBe(2);
    expect(fixture.runner.listApprovals({ status: 'expired' })).toHaveLength(2);
    expect(auditKindsWritten().filter((kind) => kind === 'approval-expired/expired')).toHaveLength(2);
    const late = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: fixture.caller(),
      approvalId: plex.id,
    });
    expect(late).toMatchObject({
      status: 'expired',
      message: "The request to restart container 'plex-server' has expired; ask again.",
    });
    expect(fixture.runs).toEqual([]);
  });

  it('cannot be granted by someone else, but can by an allow-listed approver', async () => {
    fixture = createPolicyFixture({ approvers: ['telegram:999'] });
    const approval = await requestRestart('plex');
    const stranger = fixture.caller({ channel: 'telegram', externalId: '555' });
    const refused = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: stranger,
      approvalId: approval.id,
    });
    expect(refused.status).toBe('not-allowed');
    const refusedDeny = await fixture.runner.resolveApproval({
      decision: 'deny',
      by: stranger,
      approvalId: approval.id,
    });
    expect(refusedDeny.status).toBe('not-allowed');
    expect(fixture.runs).toEqual([]);
    const approver = fixture.caller({ channel: 'telegram', externalId: '999' });
    const granted = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: approver,
      approvalId: approval.id,
    });
    expect(granted.status).toBe('executed');
    expect(fixture.runs).toEqual(['plex-server']);
    const row = fixture.memory.approvals.get(approval.id);
    expect(row?.resolvedBy).toBe('telegram:999');
    expect(auditKindsWritten().filter((kind) => kind === 'approval-rejected/not-allowed')).toHaveLength(2);
  });

  it('covers only the exact arguments: other arguments make a new approval, approving runs the stored ones', async () => {
    fixture = createPolicyFixture();
    const plex = await requestRestart('plex');
    const again = await requestRestart('plex-server');
    expect(again.id).toBe(plex.id);
    const jellyfin = await requestRestart('jellyfin');
    expect(jellyfin.id).not.toBe(plex.id);
    const record = fixture.memory.approvals.get(plex.id);
    expect(record?.inputJson).toBe('{"host":"local","name":"plex-server"}');
    expect(record?.inputHash).toMatch(/^[0-9a-f]{64}$/);
    await fixture.runner.resolveApproval({ decision: 'approve', by: fixture.caller(), approvalId: jellyfin.id });
    expect(fixture.runs).toEqual(['jellyfin']);
    expect(fixture.memory.approvals.get(plex.id)?.status).toBe('pending');
  });

  it('refuses a stored call whose arguments were altered after approval was requested', async () => {
    fixture = createPolicyFixture();
    const approval = await requestRestart('plex');
    fixture.memory.database
      .prepare('UPDATE approvals SET input_json = ? WHERE id = ?')
      .run('{"name":"jellyfin"}', approval.id);
    const result = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: fixture.caller(),
      approvalId: approval.id,
    });
    expect(result.status === 'executed' && result.outcome.status).toBe('refused');
    expect(fixture.runs).toEqual([]);
  });

  it('denial cancels: nothing runs and a later yes finds nothing', async () => {
    fixture = createPolicyFixture();
    await requestRestart('plex');
    const denied = await fixture.runner.resolveApproval({ decision: 'deny', by: fixture.caller() });
    expect(denied.status).toBe('denied');
    expect((await fixture.runner.resolveApproval({ decision: 'approve', by: fixture.caller() })).status).toBe(
      'not-found',
    );
    expect(fixture.runs).toEqual([]);
    expect(auditKindsWritten()).toContain('approval-denied/denied');
  });

  it('a voice approval must name the target; "yes" alone is not enough', async () => {
    fixture = createPolicyFixture();
    const room = fixture.caller({ channel: 'voice', externalId: 'room', modality: 'voice' });
    await requestRestart('plex', room);
    const bare = await fixture.runner.resolveApproval({ decision: 'approve', by: room, spokenText: 'yes' });
    expect(bare).toMatchObject({ status: 'needs-target', confirmPhrase: 'yes, restart plex-server' });
    const other = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: room,
      spokenText: 'yes restart jellyfin',
    });
    expect(other.status).toBe('needs-target');
    expect(fixture.runs).toEqual([]);
    const named = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: room,
      spokenText: 'Yes, restart Plex server.',
    });
    expect(named.status).toBe('executed');
    expect(fixture.runs).toEqual(['plex-server']);
    expect(auditKindsWritten().filter((kind) => kind === 'approval-rejected/needs-target')).toHaveLength(2);
  });

  it('a plain yes with two requests waiting approves neither and asks which; naming one approves it', async () => {
    fixture = createPolicyFixture();
    const telegram = fixture.caller({ channel: 'telegram', externalId: '42' });
    await requestRestart('jellyfin', telegram);
    await requestRestart('plex', telegram);
    const plain = await fixture.runner.resolveApproval({ decision: 'approve', by: telegram, spokenText: 'yes' });
    expect(plain.status).toBe('ambiguous');
    expect(plain.message).toMatch(/^2 requests are waiting: .*Say which one/);
    expect(fixture.runs).toEqual([]);
    const result = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: telegram,
      spokenText: 'yes restart plex server',
    });
    expect(result.status).toBe('executed');
    expect(fixture.runs).toEqual(['plex-server']);
    expect(fixture.runner.pending(telegram.personId).map((view) => view.description)).toEqual([
      "restart container 'jellyfin'",
    ]);
  });

  it("lists one person's pending requests, or everyone's for an approver", async () => {
    fixture = createPolicyFixture();
    const alice = fixture.caller({ channel: 'telegram', externalId: '42' });
    const bob = fixture.caller({ channel: 'telegram', externalId: '43' });
    await requestRestart('jellyfin', alice);
    await requestRestart('plex', bob);
    expect(fixture.runner.pending(alice.personId).map((view) => view.description)).toEqual([
      "restart container 'jellyfin'",
    ]);
    expect(
      fixture.runner
        .pending()
        .map((view) => view.description)
        .sort(),
    ).toEqual(["restart container 'jellyfin'", "restart container 'plex-server'"]);
  });

  it('a pending approval survives close and reopen, and can then be approved', async () => {
    fixture = createPolicyFixture();
    const approval = await requestRestart('plex');
    fixture.reopen();
    const caller = fixture.caller();
    expect(fixture.runner.pending(caller.personId).map((view) => view.id)).toEqual([approval.id]);
    const result = await fixture.runner.resolveApproval({ decision: 'approve', by: caller });
    expect(result.status).toBe('executed');
    expect(fixture.runs).toEqual(['plex-server']);
  });
});

describe('refusals and tiers', () => {
  const wipe = defineTool({
    name: 'wipe_disk',
    description: 'Erase a disk.',
    risk: 'blocked',
    input: z.object({ device: z.string() }),
    describeCall: (input) => `wipe ${input.device}`,
    execute: async () => {
      throw new Error('must never run');
    },
  });

  it('refuses a blocked tool by name and never offers it to the model', async () => {
    fixture = createPolicyFixture({ extraTools: [wipe] });
    const outcome = await fixture.runner.invoke({
      tool: 'wipe_disk',
      input: { device: '/dev/sda' },
      caller: fixture.caller(),
      source: 'brain',
    });
    expect(outcome).toMatchObject({ status: 'refused', message: expect.stringContaining('blocked') });
    const registry = createToolRegistry([wipe]);
    expect(registry.offered()).toEqual([]);
    expect(auditKindsWritten()).toEqual(['tool-refused/refused']);
  });

  it('refuses unknown tools and invalid arguments with a sentence the model can read', async () => {
    fixture = createPolicyFixture();
    const unknown = await fixture.runner.invoke({
      tool: 'format_everything',
      input: {},
      caller: fixture.caller(),
      source: 'brain',
    });
    expect(unknown).toMatchObject({ status: 'refused', message: 'There is no tool named format_everything.' });
    const invalid = await fixture.runner.invoke({
      tool: 'restart_container',
      input: { name: 42 },
      caller: fixture.caller(),
      source: 'brain',
    });
    expect(invalid.status).toBe('refused');
    if (invalid.status === 'refused')
      expect(invalid.message).toMatch(/^The arguments for restart_container are invalid: name: .*string/);
    const missing = await fixture.runner.invoke({
      tool: 'restart_container',
      input: { name: 'nothing-here' },
      caller: fixture.caller(),
      source: 'brain',
    });
    expect(missing).toMatchObject({ status: 'error', message: 'There is no container called nothing-here.' });
    expect(auditKindsWritten()).toEqual(['tool-refused/refused', 'tool-refused/refused', 'tool-call/error']);
  });

  it('config may tighten a tier but never loosen one', async () => {
    const probe = defineTool({
      name: 'list_things',
      description: 'List.',
      risk: 'safe',
      input: z.object({}),
      describeCall: () => 'list things',
      execute: async () => ['a'],
    });
    const { tool: restart } = (await import('./policy-fixture.js')).createCountingRestartTool();
    const registry = createToolRegistry([probe, restart, wipe], {
      list_things: 'blocked',
      restart_container: 'safe',
      wipe_disk: 'safe',
    });
    expect(registry.riskOf('list_things')).toBe('blocked');
    expect(registry.riskOf('restart_container')).toBe('confirm');
    expect(registry.riskOf('wipe_disk')).toBe('blocked');
    expect(registry.offered().map((spec) => spec.function.name)).toEqual(['restart_container']);
    fixture = createPolicyFixture({ extraTools: [probe], overrides: { restart_container: 'blocked' } });
    const outcome = await fixture.runner.invoke({
      tool: 'restart_container',
      input: { name: 'plex' },
      caller: fixture.caller(),
      source: 'router',
    });
    expect(outcome.status).toBe('refused');
    expect(fixture.runs).toEqual([]);
  });

  it('a safe tool that throws gives one sentence, never a stack', async () => {
    const broken = defineTool({
      name: 'broken_tool',
      description: 'Breaks.',
      risk: 'safe',
      input: z.object({}),
      describeCall: () => 'break',
      execute: async () => {
        throw new Error('ECONNREFUSED at Socket.connect (node:net:1)');
      },
    });
    fixture = createPolicyFixture({ extraTools: [broken] });
    const outcome = await fixture.runner.invoke({
      tool: 'broken_tool',
      input: {},
      caller: fixture.caller(),
      source: 'brain',
    });
    expect(outcome).toEqual({
      status: 'error',
      tool: 'broken_tool',
      message: 'broken_tool failed unexpectedly; the details are in the sysvox log.',
    });
    expect(auditKindsWritten()).toEqual(['tool-call/error']);
  });

  it('a tool that hangs and ignores its signal is stopped after the timeout', async () => {
    let sawAbort = false;
    const hanging = defineTool({
      name: 'hanging_tool',
      description: 'Hangs.',
      risk: 'safe',
      input: z.object({}),
      describeCall: () => 'hang',
      execute: (_input, context) => {
        context.signal.addEventListener('abort', () => {
          sawAbort = true;
        });
        return new Promise<never>(() => {});
      },
    });
    fixture = createPolicyFixture({ extraTools: [hanging], toolTimeoutMs: 150 });
    const started = Date.now();
    const outcome = await fixture.runner.invoke({
      tool: 'hanging_tool',
      input: {},
      caller: fixture.caller(),
      source: 'brain',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(outcome).toMatchObject({
      status: 'error',
      message: 'hanging_tool took longer than 150 milliseconds and was stopped.',
    });
    expect(sawAbort).toBe(true);
  });

  it('a resolve step that hangs is stopped by the same timeout, and nothing waits for approval', async () => {
    const stuckLookup = defineTool({
      name: 'stuck_lookup',
      description: 'Restart after a lookup that hangs.',
      risk: 'confirm',
      input: z.object({ name: z.string() }),
      describeCall: (input) => `restart ${input.name}`,
      resolve: () => new Promise<never>(() => {}),
      execute: async () => 'restarted',
    });
    fixture = createPolicyFixture({ extraTools: [stuckLookup], toolTimeoutMs: 150 });
    const invoked = fixture.runner.invoke({
      tool: 'stuck_lookup',
      input: { name: 'plex' },
      caller: fixture.caller(),
      source: 'brain',
    });
    const stillWaiting = new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000));
    expect(await Promise.race([invoked, stillWaiting])).toEqual({
      status: 'error',
      tool: 'stuck_lookup',
      message: 'stuck_lookup took longer than 150 milliseconds and was stopped.',
    });
    expect(fixture.runner.listApprovals()).toEqual([]);
    expect(auditKindsWritten()).toEqual(['tool-call/error']);
  });

  it('a resolve failure is redacted like any tool failure', async () => {
    const leakyLookup = defineTool({
      name: 'leaky_lookup',
      description: 'Lookup.',
      risk: 'safe',
      input: z.object({}),
      describeCall: () => 'look up',
      resolve: async () => {
        throw new ToolError('leaky_lookup', 'lookup failed with password=swordfish');
      },
      execute: async () => 'ran',
    });
    fixture = createPolicyFixture({ extraTools: [leakyLookup] });
    const outcome = await fixture.runner.invoke({
      tool: 'leaky_lookup',
      input: {},
      caller: fixture.caller(),
      source: 'brain',
    });
    expect(outcome).toEqual({
      status: 'error',
      tool: 'leaky_lookup',
      message: 'lookup failed with password=[REDACTED]',
    });
  });
});
