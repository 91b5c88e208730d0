/**
 * A remote host's figures, read over real sshd from this very machine (the loopback hosts share its
 * kernel), agree with what this process reads from /proc and df itself; a program the host lacks is
 * "not installed on <host>", not an error.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HostCommandError } from '../../src/toolkit/host-commands.js';
import { createHostCommands, type PooledHostCommands } from '../../tools/ssh/host-commands.js';
import { createProcReader } from '../../tools/ssh/proc-reader.js';
import { createHostSnapshots } from '../../tools/ssh/remote-snapshot.js';
import { describeSshd, startSshdHosts, type SshdHosts } from '../helpers/sshd.js';

let sshd: SshdHosts;
let commands: PooledHostCommands;

beforeAll(async () => {
  sshd = await startSshdHosts({ names: ['nas'] });
  commands = createHostCommands({ hosts: sshd.hosts });
});
afterAll(async () => {
  commands?.close();
  await sshd?.stop();
});

const noSampler = {
  latest: () => Promise.reject(new Error('the local sampler is not used for a remote host')),
};

function meminfoBytes(key: string): number {
  const line = fs
    .readFileSync('/proc/meminfo', 'utf8')
    .split('\n')
    .find((row) => row.startsWith(`${key}:`))!;
  return Number(line.split(/\s+/)[1]) * 1024;
}

describeSshd('remote figures over real sshd', () => {
  it('match what this machine reads from /proc and df itself', async () => {
    const snapshots = createHostSnapshots({ sampler: noSampler, commands });
    const snapshot = await snapshots.latest('nas');
    expect(snapshot.hostname).toBe(os.hostname());
    expect(snapshot.memory.totalBytes).toBe(meminfoBytes('MemTotal'));
    // Available memory moves while the test runs: within 5 % of the total.
    expect(Math.abs(snapshot.memory.availableBytes - meminfoBytes('MemAvailable'))).toBeLessThan(
      meminfoBytes('MemTotal') * 0.05,
    );
    expect(snapshot.load.cores).toBe(os.cpus().length);
    expect(snapshot.cpu.perCore).toHaveLength(os.cpus().length);
    expect(snapshot.cpu.totalPercent).toBeGreaterThanOrEqual(0);
    expect(snapshot.cpu.totalPercent).toBeLessThanOrEqual(100);
    expect(Math.abs(snapshot.load.load1 - os.loadavg()[0]!)).toBeLessThan(3);
    expect(Math.abs(snapshot.uptimeSeconds - os.uptime())).toBeLessThan(30);
    const rootLine = execFileSync('df', ['-P', '-B1', '/'], { encoding: 'utf8' }).trim().split('\n')[1]!.split(/\s+/);
    const root = snapshot.filesystems.find((filesystem) => filesystem.mount === '/');
    expect(root?.sizeBytes).toBe(Number(rootLine[1]));
    expect(root?.type).not.toBe('');
    expect(snapshot.network.map((rate) => rate.iface)).toContain('lo');
    expect(snapshot.topByMemory.length).toBeGreaterThan(0);
    expect(snapshot.topByMemory[0]!.memoryBytes).toBeGreaterThan(0);
  });

  it('reads the same figures over the SFTP session as with head, and refuses a file outside the allowlist', async () => {
    const reader = createProcReader(commands.pool);
    const overSftp = await createHostSnapshots({ sampler: noSampler, commands, procReader: reader }).latest('nas');
    expect(overSftp.memory.totalBytes).toBe(meminfoBytes('MemTotal'));
    expect(overSftp.hostname).toBe(os.hostname());
    expect(overSftp.cpu.perCore).toHaveLength(os.cpus().length);
    const files = await reader.read('nas', ['/proc/loadavg'], { timeoutMs: 5000, maxBytes: 1000 });
    expect(files?.get('/proc/loadavg')).toMatch(/^\d+\.\d+ /);
    await expect(reader.read('nas', ['/etc/shadow'], { timeoutMs: 5000, maxBytes: 1000 })).rejects.toThrow(/refused/);
  });

  it('says a missing program is not installed on the host', async () => {
    const error = (await commands
      .run('nas', ['zpool', 'status', '-x'])
      .catch((caught: unknown) => caught)) as HostCommandError;
    const zpoolHere = fs.existsSync('/usr/sbin/zpool') || fs.existsSync('/sbin/zpool');
    if (zpoolHere) return; // this machine has ZFS tools: nothing is missing to test with
    expect(error).toBeInstanceOf(HostCommandError);
    expect(error.failure).toMatchObject({ kind: 'not-installed', program: 'zpool' });
    expect(error.message).toBe('zpool is not installed on nas.');
    const local = (await commands
      .run('local', ['zpool', 'status', '-x'])
      .catch((caught: unknown) => caught)) as HostCommandError;
    expect(local.message).toBe('zpool is not installed on this server.');
  });

  it('keeps remote output within its byte budget', async () => {
    const result = await commands.run('nas', ['cat', '/proc/meminfo'], { maxBytes: 100 });
    expect(result.truncated).toBe(true);
    expect(Buffer.byteLength(result.stdout)).toBeLessThanOrEqual(100);
  });
});
