/**
 * The built-in allowlist: the commands the tool areas run pass; anything else (another program, a
 * shell metacharacter, an option where a name belongs, a path out of /proc or /dev) is refused with
 * a reason a person can read, before anything runs on any host.
 */
import { describe, expect, it } from 'vitest';
import { checkHostCommand } from '../../tools/ssh/command-allowlist.js';
import { remoteCommandLine } from '../../tools/ssh/remote-exec.js';

const allowed: string[][] = [
  ['head', '-v', '-n', '4000', '/proc/loadavg', '/proc/meminfo', '/proc/stat'],
  ['df', '-P', '-T', '-B1'],
  ['docker', 'ps', '-a', '--no-trunc', '--format', '{{json .}}'],
  ['docker', 'inspect', 'plex-server', 'nextcloud'],
  ['docker', 'restart', 'jellyfin'],
  ['docker', 'system', 'dial-stdio'],
  ['systemctl', 'list-units', '--failed', '--output=json', '--no-pager'],
  ['systemctl', 'show', 'nginx.service', '--property=ActiveState,SubState'],
  ['systemctl', 'restart', 'jellyfin.service'],
  ['systemctl', 'status', 'getty@tty1.service', '--no-pager', '--lines', '20'],
  ['journalctl', '-u', 'nginx.service', '-n', '50', '--no-pager', '--output=json'],
  ['journalctl', '--unit=sshd.service', '--since', '2026-12-02 10:00:00', '-p', 'err'],
  ['smartctl', '-j', '-a', '/dev/sda'],
  ['smartctl', '--scan', '-j'],
  ['zpool', 'status', '-x'],
  ['zpool', 'list', '-H', '-p', '-o', 'name,size,alloc,free,health'],
  ['cat', '/proc/mdstat'],
];

const refused: Array<[string[], RegExp]> = [
  [['systemctl', 'restart', 'x; rm -rf /'], /not allowed/],
  [['docker', 'restart', '$(reboot)'], /not allowed/],
  [['docker', 'restart', '`reboot`'], /not allowed/],
  [['journalctl', '-u', 'a|b'], /not allowed/],
  [['journalctl', '-u', 'nginx\nreboot'], /not allowed/],
  [['systemctl', 'restart', '--force'], /option "--force" is not allowed/],
  [['docker', 'stop', '-t', '0', 'web'], /option "-t" is not allowed/],
  [['smartctl', '-a', '/dev/../etc/shadow'], /climbs out/],
  [['head', '-n', '5', '/etc/shadow'], /not a valid proc file/],
  [['cat', '/proc/self/environ'], /not a valid proc file/],
  [['bash', '-c', 'id'], /bash is not a program sysvox runs/],
  [['sh', '-c', 'id'], /not a program sysvox runs/],
  [['systemctl', 'daemon-reload'], /"daemon-reload" is not a systemctl command sysvox runs/],
  [['systemctl', 'restart', 'a.service', 'b.service'], /at most 1/],
  [['systemctl', 'restart', 'x'.repeat(300)], /over 256 characters/],
  [['docker', 'restart'], /needs 1 more argument/],
  [[], /no program/],
];

describe('the host command allowlist', () => {
  it.each(allowed.map((argv) => [argv.join(' '), argv] as const))('allows %s', (_, argv) => {
    expect(checkHostCommand(argv)).toMatchObject({ ok: true });
  });

  it.each(refused.map(([argv, reason]) => [JSON.stringify(argv), argv, reason] as const))(
    'refuses %s',
    (_, argv, reason) => {
      const verdict = checkHostCommand(argv);
      expect(verdict.ok).toBe(false);
      expect(!verdict.ok && verdict.reason).toMatch(reason);
    },
  );

  it('marks the commands that change something as actions', () => {
    const restart = checkHostCommand(['systemctl', 'restart', 'nginx.service']);
    const status = checkHostCommand(['systemctl', 'status', 'nginx.service']);
    expect(restart.ok && restart.rule.action).toBe(true);
    expect(status.ok && status.rule.action).toBeFalsy();
  });

  it('single-quotes every remote word, so even a quote would stay one argument', () => {
    expect(remoteCommandLine(['docker', 'inspect', "it's"])).toBe(`'docker' 'inspect' 'it'\\''s'`);
  });
});
