/**
 * Pinned host keys against three real sshd instances on loopback: the pinned key is accepted (as
 * OpenSSH prints it, and padded), a wrong pin and an unknown key are refused with the offered
 * fingerprint and how to pin it, and a known_hosts file pins as well.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHostCommands, type PooledHostCommands } from '../../tools/ssh/host-commands.js';
import { HostCommandError } from '../../src/toolkit/host-commands.js';
import { describeSshd, startSshdHosts, type SshdHosts } from '../helpers/sshd.js';

let sshd: SshdHosts;
const opened: PooledHostCommands[] = [];

beforeAll(async () => {
  sshd = await startSshdHosts({ names: ['nas', 'media', 'tank'] });
});
afterAll(async () => {
  for (const commands of opened) commands.close();
  await sshd?.stop();
});

function commandsFor(overrides: Record<string, { hostKey?: string; knownHostsPath?: string }>): PooledHostCommands {
  const commands = createHostCommands({
    hosts: sshd.hosts.map(({ hostKeyPublicPath: _public, ...host }) => {
      const override = overrides[host.name];
      return override ? { ...host, hostKey: override.hostKey, knownHostsPath: override.knownHostsPath } : host;
    }),
    backoff: { initialMs: 1, maxMs: 1 },
  });
  opened.push(commands);
  return commands;
}

async function failureOf(promise: Promise<unknown>): Promise<HostCommandError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HostCommandError);
  return error as HostCommandError;
}

describeSshd('pinned host keys over real sshd', () => {
  it('accepts each host only with its own pinned key, as OpenSSH prints it', async () => {
    const commands = commandsFor({});
    for (const host of sshd.hosts) {
      const result = await commands.run(host.name, ['cat', '/proc/loadavg']);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/^\d+\.\d+ \d+\.\d+ \d+\.\d+ /);
    }
  });

  it('accepts the fingerprint with base64 padding too', async () => {
    const nas = sshd.hosts[0]!;
    const commands = commandsFor({ nas: { hostKey: `${nas.hostKey}=` } });
    expect((await commands.run('nas', ['true'])).exitCode).toBe(0);
  });

  it('refuses a host whose key is not the pinned one, showing the offered fingerprint', async () => {
    const [nas, media] = sshd.hosts;
    const commands = commandsFor({ nas: { hostKey: media!.hostKey } });
    const error = await failureOf(commands.run('nas', ['true']));
    expect(error.failure.kind).toBe('host-key');
    expect(error.message).toContain(nas!.hostKey);
    expect(error.message).toContain('not the pinned one');
    expect(error.message).toContain(`hostKey: "${nas!.hostKey}"`);
  });

  it('refuses an unknown key (an empty known_hosts) with the fingerprint and how to pin it', async () => {
    const empty = path.join(sshd.dir, 'empty_known_hosts');
    fs.writeFileSync(empty, '');
    const tank = sshd.hosts[2]!;
    const commands = commandsFor({ tank: { knownHostsPath: empty } });
    const error = await failureOf(commands.run('tank', ['true']));
    expect(error.failure.kind).toBe('host-key');
    expect(error.message).toContain('unknown');
    expect(error.message).toContain(tank.hostKey);
    expect(error.message).toContain('sysvox hosts add tank');
  });

  it('pins through a known_hosts file, plain and hashed', async () => {
    const [nas, media] = sshd.hosts;
    const line = (host: typeof nas) =>
      `[127.0.0.1]:${host!.port} ${fs.readFileSync(host!.hostKeyPublicPath, 'utf8').trim()}`;
    const knownHosts = path.join(sshd.dir, 'known_hosts');
    fs.writeFileSync(knownHosts, `${line(nas)}\n${line(media)}\n`);
    const hashed = path.join(sshd.dir, 'known_hosts_hashed');
    fs.copyFileSync(knownHosts, hashed);
    execKeygenHash(hashed);
    const commands = commandsFor({ nas: { knownHostsPath: knownHosts }, media: { knownHostsPath: hashed } });
    expect((await commands.run('nas', ['true'])).exitCode).toBe(0);
    expect((await commands.run('media', ['true'])).exitCode).toBe(0);
    expect(fs.readFileSync(hashed, 'utf8')).toMatch(/^\|1\|/);
  });

  it('refuses a known_hosts file that holds another key for the host', async () => {
    const [nas, media] = sshd.hosts;
    const wrong = path.join(sshd.dir, 'known_hosts_wrong');
    fs.writeFileSync(wrong, `[127.0.0.1]:${nas!.port} ${fs.readFileSync(media!.hostKeyPublicPath, 'utf8').trim()}\n`);
    const commands = commandsFor({ nas: { knownHostsPath: wrong } });
    const error = await failureOf(commands.run('nas', ['true']));
    expect(error.failure.kind).toBe('host-key');
    expect(error.message).toContain(nas!.hostKey);
  });
});

function execKeygenHash(file: string): void {
  // ssh-keygen -H hashes the host names in place, as `HashKnownHosts yes` writes them.
  execFileSync('/usr/bin/ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
}
