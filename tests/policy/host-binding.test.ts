/**
 * The host on every tool call: added to every tool by the registry, shown to the model, refused by
 * the policy when it is not this machine (until the SSH hosts registry), and otherwise bound into the
 * approval hash, the stored input, the description, the tool's context and the audit.
 */
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { hashArguments } from '../../src/policy/call-identity.js';
import { createLocalHosts, type HostDirectory } from '../../src/toolkit/hosts.js';
import { createToolRegistry } from '../../src/toolkit/registry.js';
import { createCountingRestartTool, createPolicyFixture, type PolicyFixture } from './policy-fixture.js';

let fixture: PolicyFixture;
afterEach(() => fixture?.close());

/** Stands in for the SSH hosts registry: this machine and one more host, 'nas'. */
const localAndNas: HostDirectory = {
  lookup: (name) => (name === 'nas' ? { ok: true, host: 'nas' } : createLocalHosts().lookup(name)),
};

function restart(input: Record<string, unknown>) {
  return fixture.runner.invoke({ tool: 'restart_container', input, caller: fixture.caller(), source: 'brain' });
}

async function approvalFor(input: Record<string, unknown>) {
  const outcome = await restart(input);
  if (outcome.status !== 'approval-required') throw new Error(`expected an approval, got ${JSON.stringify(outcome)}`);
  return outcome.approval;
}

const auditRows = () => fixture.memory.audit.list({ limit: 100 });

describe('the host on every tool call', () => {
  it('is offered to the model as an optional input of every tool', () => {
    const { tool } = createCountingRestartTool();
    const [spec] = createToolRegistry([tool]).offered();
    const parameters = spec?.function.parameters as {
      properties: Record<string, { type: string; default?: string }>;
      required?: string[];
    };
    expect(parameters.properties.host).toMatchObject({ type: 'string', default: 'local' });
    expect(parameters.required).toEqual(['name']);
  });

  it('refuses a host that is not this machine with one sentence, runs nothing and audits the host', async () => {
    fixture = createPolicyFixture();
    const outcome = await restart({ name: 'plex', host: 'nas' });
    expect(outcome).toEqual({
      status: 'refused',
      tool: 'restart_container',
      message: 'I only know this machine so far; nas is not connected yet.',
    });
    expect(fixture.runs).toEqual([]);
    expect(fixture.runner.listApprovals()).toEqual([]);
    const [row] = auditRows();
    expect(row).toMatchObject({ kind: 'tool-refused', host: 'nas', outcome: 'refused' });
    expect(row?.detail).toContain("restart container 'plex' on nas");
  });

  it("treats 'localhost' and this machine's own name as 'local': the same approval as no host at all", async () => {
    fixture = createPolicyFixture();
    const plain = await approvalFor({ name: 'plex' });
    expect(plain.description).toBe("restart container 'plex-server'");
    expect((await approvalFor({ name: 'plex', host: 'localhost' })).id).toBe(plain.id);
    expect((await approvalFor({ name: 'plex', host: hostname().toUpperCase() })).id).toBe(plain.id);
    expect(fixture.memory.approvals.get(plain.id)?.inputJson).toBe('{"host":"local","name":"plex-server"}');
    expect(auditRows().map((row) => row.host)).toEqual(['local']);
  });

  it('binds the host into the approval: local and nas hash differently and each runs on its own host', async () => {
    fixture = createPolicyFixture({ hosts: localAndNas });
    const local = await approvalFor({ name: 'plex', host: 'local' });
    const nas = await approvalFor({ name: 'plex', host: 'nas' });
    expect(nas.id).not.toBe(local.id);
    const [localRecord, nasRecord] = [fixture.memory.approvals.get(local.id), fixture.memory.approvals.get(nas.id)];
    expect(nasRecord?.inputHash).not.toBe(localRecord?.inputHash);
    expect(nasRecord?.inputJson).toBe('{"host":"nas","name":"plex-server"}');
    expect(nas.description).toBe("restart container 'plex-server' on nas");
    expect(nas.confirmPhrase).toBe('yes, restart plex-server on nas');
    expect(local.description).toBe("restart container 'plex-server'");

    const approved = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: fixture.caller(),
      approvalId: nas.id,
    });
    expect(approved).toMatchObject({ status: 'executed', message: "Done: restart container 'plex-server' on nas." });
    expect(fixture.hostsRun).toEqual(['nas']);
    const nasRows = auditRows().filter(
      (row) => row.detail.startsWith(nas.id) || row.detail.includes(`approval ${nas.id}`),
    );
    expect(nasRows.map((row) => `${row.kind}@${row.host}`)).toEqual([
      'approval-created@nas',
      'approval-approved@nas',
      'tool-call@nas',
    ]);
    expect(nasRows.every((row) => row.detail.includes('on nas'))).toBe(true);
  });

  it('a voice approval of a call on another host must name the host too', async () => {
    fixture = createPolicyFixture({ hosts: localAndNas });
    const room = fixture.caller({ channel: 'voice', externalId: 'room', modality: 'voice' });
    const outcome = await fixture.runner.invoke({
      tool: 'restart_container',
      input: { name: 'plex', host: 'nas' },
      caller: room,
      source: 'router',
    });
    expect(outcome.status).toBe('approval-required');
    expect(
      (await fixture.runner.resolveApproval({ decision: 'approve', by: room, spokenText: 'yes restart plex server' }))
        .status,
    ).toBe('needs-target');
    expect(
      (
        await fixture.runner.resolveApproval({
          decision: 'approve',
          by: room,
          spokenText: 'yes restart plex server on nas',
        })
      ).status,
    ).toBe('executed');
    expect(fixture.hostsRun).toEqual(['nas']);
  });

  it('refuses an approved call whose host was disconnected in the meantime', async () => {
    let connected = true;
    fixture = createPolicyFixture({
      hosts: { lookup: (name) => (connected ? localAndNas.lookup(name) : createLocalHosts().lookup(name)) },
    });
    const nas = await approvalFor({ name: 'plex', host: 'nas' });
    connected = false;
    const result = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: fixture.caller(),
      approvalId: nas.id,
    });
    expect(result.status === 'executed' && result.outcome).toMatchObject({
      status: 'refused',
      message: 'I only know this machine so far; nas is not connected yet.',
    });
    expect(fixture.runs).toEqual([]);
  });

  it('an approval stored before hosts existed still runs, on this machine', async () => {
    fixture = createPolicyFixture();
    const approval = await approvalFor({ name: 'plex' });
    fixture.memory.database
      .prepare('UPDATE approvals SET input_json = ?, input_hash = ? WHERE id = ?')
      .run('{"name":"plex-server"}', hashArguments({ name: 'plex-server' }), approval.id);
    const result = await fixture.runner.resolveApproval({
      decision: 'approve',
      by: fixture.caller(),
      approvalId: approval.id,
    });
    expect(result.status === 'executed' && result.outcome.status).toBe('ok');
    expect(fixture.hostsRun).toEqual(['local']);
  });
});
