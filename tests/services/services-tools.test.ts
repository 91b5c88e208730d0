/**
 * The services tools through HostCommands (the app's local implementation, spawn without a shell) with
 * systemctl and journalctl stand-ins that print recorded output, and through the real systemctl of this
 * machine, where systemd is not PID 1. Hostile unit names never reach a program; hostile output stays text.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ToolError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { withHostInput } from '../../src/toolkit/host-input.js';
import type { ToolContext } from '../../src/toolkit/tool.js';
import { createServicesClient } from '../../tools/services/client.js';
import { serviceTools } from '../../tools/services/service-tools.js';
import { createTestHostCommands, type TestHostCommands } from '../helpers/local-host-commands.js';
import { journalctlStandIn, seedUnits, systemctlStandIn } from './systemd-stand-ins.js';

const context: ToolContext = {
  signal: new AbortController().signal,
  log: silentLogger,
  clock: () => new Date('2026-12-02T17:00:00Z'),
  host: 'local',
};

let host: TestHostCommands | undefined;
afterEach(() => host?.close());

function setUp(options: { standIns?: boolean } = {}) {
  host = createTestHostCommands({
    fakes: options.standIns === false ? {} : { systemctl: systemctlStandIn, journalctl: journalctlStandIn },
  });
  seedUnits(host.dir);
  const client = createServicesClient({ commands: host.commands });
  return { host, client, tools: serviceTools(client, { logLines: 20 }) };
}

async function failureOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolError);
  return (error as ToolError).message;
}

describe('the services tools', () => {
  it('list the failed units from the JSON form, and from the table when systemctl is older', async () => {
    const { tools, host } = setUp();
    const json = await tools.failedUnits.execute({}, context);
    expect(json).toMatchObject({ form: 'json', units: [{ unit: 'jellyfin.service' }, { unit: 'nfs-server.service' }] });
    writeFileSync(join(host.dir, 'old-systemd'), '');
    const plain = await tools.failedUnits.execute({}, context);
    expect(plain.form).toBe('plain');
    expect(plain.units.map((row) => row.unit)).toEqual(json.units.map((row) => row.unit));
    expect(host.calls().at(-1)).toEqual([
      'systemctl',
      'list-units',
      '--failed',
      '--no-pager',
      '--full',
      '--plain',
      '--no-legend',
    ]);
  });

  it('canonicalise "jellyfin" to the unit that exists on that host, and refuse one that does not', async () => {
    const { tools } = setUp();
    expect(await tools.restart.resolve!({ unit: 'jellyfin' }, context)).toEqual({ unit: 'jellyfin.service' });
    expect(await failureOf(tools.restart.resolve!({ unit: 'plex' }, context))).toBe(
      'There is no unit called plex on this server.',
    );
  });

  it('refuse a unit called "x; rm -rf /" with one sentence before any program runs', async () => {
    const { tools, host } = setUp();
    for (const tool of [tools.restart, tools.status, tools.logs, tools.errors]) {
      const message = await failureOf(
        tool.resolve!({ unit: 'x; rm -rf /', lines: 5, sinceHours: 1 } as never, context),
      );
      expect(message).toBe(
        "'x; rm -rf /' is not a systemd unit name: use letters, digits, dashes, dots, underscores, colons or @.",
      );
    }
    await failureOf(tools.stop.execute({ unit: '$(reboot)' }, context));
    expect(host.calls()).toEqual([]);
  });

  it('read a status and act on a unit, passing the unit as one argument', async () => {
    const { tools, host } = setUp();
    const status = await tools.status.execute({ unit: 'jellyfin.service' }, context);
    expect(status).toMatchObject({ activeState: 'active', subState: 'running', restarts: 2, mainPid: 812 });
    const stopped = await tools.stop.execute({ unit: 'jellyfin.service' }, context);
    expect(stopped).toMatchObject({ action: 'stop', activeState: 'inactive' });
    expect(host.calls()).toContainEqual(['systemctl', 'stop', 'jellyfin.service']);
  });

  it('never stop ssh or restart sysvox itself, and ask no approval for it', async () => {
    const { tools, host } = setUp();
    for (const unit of ['ssh', 'sysvox'])
      writeFileSync(
        join(host.dir, 'units', `${unit}.service`),
        `Id=${unit}.service\nLoadState=loaded\nActiveState=active\n`,
      );
    expect(await failureOf(tools.stop.resolve!({ unit: 'ssh' }, context))).toBe(
      'Stopping ssh could cut this server off; do that by hand if you mean it.',
    );
    expect(await failureOf(tools.restart.resolve!({ unit: 'sysvox' }, context))).toBe(
      "I can't restart sysvox from inside a conversation; run systemctl restart sysvox on this server.",
    );
    expect(await tools.restart.resolve!({ unit: 'ssh' }, context)).toEqual({ unit: 'ssh.service' });
    expect(host.calls().filter((call) => ['stop', 'restart'].includes(call[1]!))).toEqual([]);
  });

  it('say in one sentence when polkit refuses the action', async () => {
    const { tools, host } = setUp();
    writeFileSync(join(host.dir, 'deny'), '');
    expect(await failureOf(tools.restart.execute({ unit: 'jellyfin.service' }, context))).toBe(
      'sysvox is not allowed to restart jellyfin on this server; allow it with a polkit rule or sudo for the sysvox user.',
    );
  });

  it('read the journal redacted, with $(...) left as text that never runs', async () => {
    const marker = '/tmp/sysvox-journal-pwned';
    rmSync(marker, { force: true });
    const { tools, host } = setUp();
    const journal = await tools.logs.execute({ unit: 'nginx.service', lines: 5 }, context);
    const text = JSON.stringify(journal);
    expect(text).not.toContain('s3cr3tPass');
    expect(text).not.toContain('ghp_1234567890');
    expect(text).toContain('$(touch /tmp/sysvox-journal-pwned)');
    expect(existsSync(marker)).toBe(false);
    expect(host.calls()).toEqual([
      ['journalctl', '-u', 'nginx.service', '-n', '5', '--no-pager', '--quiet', '--output=json'],
    ]);
  });

  it('read the errors since a time as an epoch the host cannot misread', async () => {
    const { tools, host } = setUp();
    const errors = await tools.errors.execute({ unit: 'nginx.service', sinceHours: 2, lines: 50 }, context);
    expect(errors.entries.every((entry) => entry.priority === 'err')).toBe(true);
    expect(errors.since).toBe('2026-12-02T15:00:00.000Z');
    expect(host.calls()[0]).toContain(`--since=@${Date.parse('2026-12-02T15:00:00Z') / 1000}`);
  });

  it('say that systemd is not running, with the real systemctl of this machine (not PID 1)', async () => {
    const { tools } = setUp({ standIns: false });
    expect(await failureOf(tools.failedUnits.execute({}, context))).toBe(
      "systemd is not running on this server, so I can't list the failed units.",
    );
  });

  it('name the unit and the host in the approval of an action on another host', () => {
    const { tools } = setUp();
    const restart = withHostInput(tools.restart);
    const input = { unit: 'jellyfin.service', host: 'nas' };
    expect(restart.describeCall(input)).toBe("restart unit 'jellyfin' on nas");
    expect(restart.confirmTarget!(input)).toBe('jellyfin on nas');
    expect(tools.restart.risk).toBe('confirm');
  });
});
