/**
 * The app's local HostCommands (until the SSH one lands): real processes without a shell, a missing
 * program as 'not-installed', a timeout, output cut at its cap, and programs outside the list refused
 * before anything starts.
 */
import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLocalHostCommands } from '../../src/app/local-host-commands.js';
import { HostCommandError } from '../../src/toolkit/host-command-error.js';

async function failureOf(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HostCommandError);
  return (error as HostCommandError).failure;
}

describe('the local HostCommands', () => {
  it('says a program that is not installed is not installed (zpool is not on this machine)', async () => {
    const failure = await failureOf(createLocalHostCommands().run('local', ['zpool', 'list']));
    expect(failure).toEqual({
      kind: 'not-installed',
      host: 'local',
      program: 'zpool',
      message: 'zpool is not installed on this server.',
    });
  });

  it('runs argv without a shell: $(...) and ; are plain arguments', async () => {
    const marker = '/tmp/sysvox-local-commands-pwned';
    rmSync(marker, { force: true });
    const commands = createLocalHostCommands({ programs: ['echo'] });
    const result = await commands.run('local', ['echo', `$(touch ${marker}); touch ${marker}`]);
    expect(result).toEqual({
      stdout: `$(touch ${marker}); touch ${marker}\n`,
      stderr: '',
      exitCode: 0,
      truncated: false,
    });
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a program outside its list, /proc reads other than one file, and other hosts', async () => {
    const commands = createLocalHostCommands();
    expect((await failureOf(commands.run('local', ['sh', '-c', 'id']))).kind).toBe('refused');
    expect((await failureOf(commands.run('local', ['cat', '/etc/shadow']))).kind).toBe('refused');
    expect(await failureOf(commands.run('nas', ['systemctl', 'list-units']))).toMatchObject({
      kind: 'unknown-host',
      message: 'I only know this machine so far; nas is not connected yet.',
    });
    expect(commands.hosts()).toEqual(['local']);
  });

  it('stops a command at its timeout, and cuts output at its cap', async () => {
    const commands = createLocalHostCommands({ programs: ['sleep', 'head'] });
    expect(await failureOf(commands.run('local', ['sleep', '5'], { timeoutMs: 200 }))).toMatchObject({
      kind: 'timeout',
      message: 'sleep on this server took longer than 200 milliseconds and was stopped.',
    });
    const big = await commands.run('local', ['head', '-c', '1000000', '/dev/zero'], { maxBytes: 1000 });
    expect(big.stdout.length).toBe(1000);
    expect(big.truncated).toBe(true);
  });
});
