/**
 * `sysvox alerts` through the built binary, on a real SQLite data dir whose alerts a real engine raised:
 * list, ack by prefix (and the clear refusals), silences, mutes, history, and output that hostile
 * summaries cannot turn into terminal control or a forged row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../src/memory/alerts.js';
import { buildCli } from '../cli/cli-harness.js';
import {
  createAlertsWorkspace,
  diskObservation,
  idOfRow,
  unhealthyObservation,
  type AlertsWorkspace,
} from './alerts-workspace.js';

let workspace: AlertsWorkspace;
beforeAll(() => {
  buildCli();
  workspace = createAlertsWorkspace();
  workspace.configure(['voice:', '  enabled: false']);
}, 240_000);
afterAll(() => workspace?.remove());

const run = (...args: string[]) => workspace.run(['alerts', ...args]);
const diskCovers = [{ rule: 'disk', host: 'local' }];

describe('sysvox alerts', () => {
  it('says no alerts are firing when none are', async () => {
    const result = await run();
    expect(result.stdout).toBe('No alerts are firing.\n');
    expect(result.exitCode).toBe(0);
  });

  it('lists what the engine raised, with id, state, severity, rule, target, host and summary', async () => {
    await workspace.observe('system.metrics', { observations: [diskObservation('/mnt/tank', 93)], covers: diskCovers });
    await workspace.observe('docker.containers', { observations: [unhealthyObservation('nextcloud')], covers: [] });
    const listed = await run('list');
    expect(listed.exitCode).toBe(0);
    expect(listed.stdout).toMatch(/^ID\s+STATE\s+SEVERITY\s+RULE\s+TARGET\s+HOST\s+SINCE\s+SUMMARY$/m);
    expect(listed.stdout).toMatch(
      /^[0-9a-f]{8}\s+firing\s+warning\s+disk\s+\/mnt\/tank\s+local\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+the disk on \/mnt\/tank is 93 percent full$/m,
    );
    expect(listed.stdout).toMatch(
      /^[0-9a-f]{8}\s+firing\s+critical\s+container-unhealthy\s+nextcloud\s+local\s.*nextcloud is unhealthy$/m,
    );
  });

  it('acknowledges by a prefix of the id, and refuses a second ack, an unknown id and a resolved alert clearly', async () => {
    const id = idOfRow((await run()).stdout, 'nextcloud');
    const acked = await run('ack', id.slice(0, 5));
    expect(acked.stdout).toBe(`Acknowledged ${id}: nextcloud is unhealthy. No reminders about it until it resolves.\n`);
    expect(acked.exitCode).toBe(0);
    expect((await run()).stdout).toMatch(new RegExp(`^${id}\\s+acknowledged\\s`, 'm'));

    const again = await run('ack', id);
    expect(again.stderr).toMatch(/is already acknowledged \(by cli:/);
    expect(again.exitCode).toBe(1);

    const unknown = await run('ack', 'ffffffff0');
    expect(unknown.stderr).toContain('no alert has the id ffffffff0');
    expect(unknown.exitCode).toBe(1);

    const tankId = idOfRow((await run()).stdout, '/mnt/tank');
    await workspace.observe('system.metrics', { observations: [diskObservation('/mnt/tank', 60)], covers: diskCovers });
    expect((await run()).stdout).not.toContain(tankId);
    expect((await run('--all')).stdout).toMatch(new RegExp(`^${tankId}\\s+resolved\\s`, 'm'));
    const resolved = await run('ack', tankId);
    expect(resolved.stderr).toContain(`alert ${tankId} is resolved, not firing`);
    expect(resolved.exitCode).toBe(1);
  });

  it('asks for more of an id that several alerts start with', async () => {
    // 20 mounts and 16 possible first hex digits: at least two ids start alike.
    const mounts = Array.from({ length: 20 }, (_, index) => `/srv/volume${index}`);
    await workspace.observe('system.metrics', {
      observations: mounts.map((mount) => diskObservation(mount, 95)),
      covers: diskCovers,
    });
    const listing = (await run()).stdout;
    const firsts = mounts.map((mount) => idOfRow(listing, `${mount} `).charAt(0));
    const shared = firsts.find((first, index) => firsts.indexOf(first) !== index) as string;
    const ambiguous = await run('ack', shared);
    expect(ambiguous.stderr).toContain(`more than one alert has an id starting with ${shared}: type more of it`);
    expect(ambiguous.exitCode).toBe(1);
    await workspace.observe('system.metrics', { observations: [], covers: diskCovers });
    expect((await run()).stdout).not.toContain('/srv/volume');
  });

  it('silences by rule and target: says what it matches, lists it, marks the alert, and unsilence ends it', async () => {
    await workspace.observe('system.metrics', { observations: [diskObservation('/mnt/tank', 94)], covers: diskCovers });
    const added = await run(
      'silence',
      '--rule',
      'disk',
      '--target',
      '/mnt/tank',
      '--for',
      '2h',
      '--comment',
      'swapping a drive',
    );
    expect(added.exitCode).toBe(0);
    expect(added.stdout).toMatch(
      /^Silence ([0-9a-f]{8}) added: rule disk, target \/mnt\/tank, until \d{4}-\d\d-\d\d \d\d:\d\d \(2h\)\.$/m,
    );
    expect(added.stdout).toContain('It matches 1 of the 2 alerts open now.');
    const silenceId = /Silence ([0-9a-f]{8})/.exec(added.stdout)?.[1] as string;

    const silences = await run('silences');
    expect(silences.stdout).toMatch(
      new RegExp(`^${silenceId}\\s+rule disk, target /mnt/tank\\s+\\S+ \\S+\\s+cli:\\S+\\s+swapping a drive$`, 'm'),
    );
    const listed = (await run()).stdout;
    expect(listed).toMatch(/^[0-9a-f]{8}\s+firing, silenced\s+warning\s+disk\s+\/mnt\/tank\s/m);
    expect(listed).toMatch(/^[0-9a-f]{8}\s+acknowledged\s+critical\s+container-unhealthy\s+nextcloud\s/m);
    expect(listed).toContain('\nActive silences:\n');

    const ended = await run('unsilence', silenceId.slice(0, 4));
    expect(ended.exitCode).toBe(0);
    expect((await run('silences')).stdout).toBe('No silences are active.\n');
    expect((await run('silences', '--all')).stdout).toContain(`${silenceId}  rule disk, target /mnt/tank`);
    expect((await run()).stdout).toMatch(/^[0-9a-f]{8}\s+firing\s+warning\s+disk\s/m);
    const again = await run('unsilence', silenceId);
    expect(again.stderr).toContain(`no active silence has an id starting with ${silenceId}`);
    expect(again.exitCode).toBe(1);
  });

  it('refuses a silence that names nothing, or a duration it cannot read, and says how to write it', async () => {
    const everything = await run('silence', '--for', '2h');
    expect(everything.stderr).toContain('name what to silence with --rule, --target and/or --host');
    expect(everything.stderr).toContain('sysvox alerts mute <channel>');
    expect(everything.exitCode).toBe(1);
    const badDuration = await run('silence', '--rule', 'disk', '--for', 'two hours');
    expect(badDuration.stderr).toContain('--for "two hours" is not a duration: write it like 30m, 2h, 1h30m or 1d');
    expect(badDuration.exitCode).toBe(1);
    const typo = await run('silence', '--rule', 'dsik', '--for', '10m');
    expect(typo.stderr).toContain('no alert or rule is called dsik yet (did you mean disk?)');
    expect(typo.exitCode).toBe(0);
    expect((await run('silences')).stdout).toContain('rule dsik');
  });

  it('mutes a channel until a time, lists the mute, refuses an unknown channel with the list, and unmutes', async () => {
    const muted = await run('mute', 'telegram', '--for', '30m');
    expect(muted.stdout).toMatch(
      /^telegram is muted until \d{4}-\d\d-\d\d \d\d:\d\d: sysvox alerts unmute telegram ends it sooner\.$/m,
    );
    expect((await run()).stdout).toMatch(/Muted channels:\nCHANNEL\s+MUTED UNTIL\ntelegram\s+\d{4}-/);
    const unknown = await run('mute', 'discrod');
    expect(unknown.stderr).toContain('discrod is not an alert channel: use one of voice, telegram, gotify, ntfy');
    expect(unknown.exitCode).toBe(1);
    expect((await run('unmute', 'telegram')).stdout).toBe('telegram is unmuted.\n');
    expect((await run()).stdout).not.toContain('Muted channels');
    expect((await run('unmute', 'telegram')).stdout).toBe('telegram was not muted.\n');
  });

  it('history shows what fired, was acknowledged and resolved', async () => {
    const history = await run('history', '--since', '1h');
    expect(history.exitCode).toBe(0);
    expect(history.stdout).toMatch(
      /^\S+ \S+\s+fired\s+[0-9a-f]{8}\s+container-unhealthy\s+nextcloud\s+local\s+nextcloud is unhealthy$/m,
    );
    expect(history.stdout).toMatch(
      /\sacknowledged\s+[0-9a-f]{8}\s+container-unhealthy\s+nextcloud\s+local\s+acknowledged by cli:/,
    );
    expect(history.stdout).toMatch(
      /\sresolved\s+[0-9a-f]{8}\s+disk\s+\/mnt\/tank\s+local\s+the disk on \/mnt\/tank is back to 60 percent$/m,
    );
    expect((await run('history', '--since', 'yesterday')).stderr).toContain('--since "yesterday" is not a duration');
  });

  it("report prints today's report from the alert history, the containers and the disks; --send needs a channel", async () => {
    const report = await run('report');
    expect(report.exitCode).toBe(0);
    expect(report.stdout).toMatch(
      /^Good (morning|afternoon|evening)\. In the last 24 hours \d+ alerts fired and \d+ of them resolved: /,
    );
    // /mnt/tank resolved, then filled up again: it is not called resolved, and it is wrong now.
    expect(report.stdout).toMatch(/the disk on \/mnt\/tank is 93 percent full; /);
    expect(report.stdout).toContain('the disk on /srv/volume0 is 95 percent full, resolved; ');
    expect(report.stdout).toMatch(
      / Right now \d+ things are wrong: nextcloud is unhealthy; the disk on \/mnt\/tank is 94 percent full; /,
    );
    expect(report.stdout).toMatch(/ Disk use: \/\S* is at \d+ percent/);
    const send = await run('report', '--send');
    expect(send.stderr).toContain(
      'no channel to send to: enable voice, channels.telegram, channels.gotify or channels.ntfy',
    );
    expect(send.exitCode).toBe(1);
  });

  it('prints hostile summaries and names as one inert line: no escape sequence, no forged row', async () => {
    const hostile = 'evil\u001b]0;owned\u0007\u001b[2J\nffffffff  firing  critical  disk  /  local  fake row';
    // Raised by the engine (which makes check text plain), and stored as is by another writer (an older
    // sysvox, a bug): the CLI's own output must be inert either way.
    await workspace.observe('docker.containers', { observations: [unhealthyObservation(hostile)], covers: [] });
    workspace.storeRaw((memory) => {
      memory.alerts.save(rawAlert({ target: hostile, summary: hostile }));
      memory.alerts.addSilence({
        rule: 'disk',
        target: null,
        host: null,
        createdBy: 'cli:\u001b[31mroot',
        comment: hostile,
        endsAt: new Date(Date.now() + 3_600_000),
      });
    });
    const outputs = [(await run()).stdout, (await run('silences')).stdout, (await run('history')).stdout];
    for (const output of outputs) {
      expect(output).not.toMatch(/[\u001b\u0007\u009b]/);
      expect(output).not.toMatch(/^ffffffff/m);
    }
    expect(outputs[0]).toMatch(/^[0-9a-f]{8}\s+firing\s+critical\s+container-unhealthy\s+evil.*fake row\s+local\s/m);
    expect(outputs[0]).toMatch(/^aaaa0000\s+firing\s+critical\s+container-unhealthy\s+evil.*fake row\s+local\s/m);
  });
});

function rawAlert(fields: { target: string; summary: string }): AlertRecord {
  const now = new Date();
  return {
    id: 'aaaa0000',
    fingerprint: 'aaaa0000aaaa0000aaaa0000aaaa0000',
    source: 'docker.containers',
    rule: 'container-unhealthy',
    host: 'local',
    severity: 'critical',
    state: 'firing',
    recovery: 'healthy again',
    value: null,
    action: null,
    activeSince: now,
    firedAt: now,
    resolvedAt: null,
    lastFiringAt: now,
    clearSince: null,
    notifications: 1,
    announcedSeverity: 'critical',
    lastNotifiedAt: now,
    recoveryOwed: false,
    recoveryNotified: false,
    approvalId: null,
    acknowledgedBy: null,
    ...fields,
  };
}
