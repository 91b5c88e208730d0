/**
 * The local side of HostCommands (this machine): the same allowlist as a remote host, real processes
 * without a shell, a missing program said as such, and never sysvox's own environment (it may hold tokens).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HostCommandError } from '../../src/toolkit/host-commands.js';
import { createLocalHostCommands } from '../../tools/ssh/host-commands.js';
import { createTestHostCommands, type TestHostCommands } from '../helpers/local-host-commands.js';

async function failureOf(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HostCommandError);
  return (error as HostCommandError).failure;
}

let stand: TestHostCommands | undefined;
afterEach(() => stand?.close());

describe('commands on this machine', () => {
  it('says a program that is not installed is not installed (zpool is not on this machine)', async () => {
    const failure = await failureOf(createLocalHostCommands().run('local', ['zpool', 'status', '-x']));
    expect(failure).toMatchObject({
      kind: 'not-installed',
      program: 'zpool',
      message: 'zpool is not installed on this server.',
    });
  });

  it('refuses what the allowlist does not hold before anything starts, and hosts it does not know', async () => {
    const commands = createLocalHostCommands();
    expect((await failureOf(commands.run('local', ['sh', '-c', 'id']))).kind).toBe('refused');
    expect((await failureOf(commands.run('local', ['cat', '/etc/shadow']))).kind).toBe('refused');
    expect((await failureOf(commands.run('local', ['systemctl', 'restart', 'x; rm -rf /']))).kind).toBe('refused');
    expect((await failureOf(commands.run('nas', ['systemctl', 'list-units']))).kind).toBe('unknown-host');
  });

  it("gives a program none of sysvox's environment: a token set for sysvox never reaches it", async () => {
    process.env.SYSVOX_DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.local-commands-test-secret';
    try {
      stand = createTestHostCommands({ fakes: { systemctl: 'env' } });
      const result = await stand.commands.run('local', ['systemctl', '--version']);
      expect(result.stdout).toContain('LC_ALL=C.UTF-8');
      expect(result.stdout).not.toContain('local-commands-test-secret');
      expect(result.stdout).not.toContain('SYSVOX_');
    } finally {
      delete process.env.SYSVOX_DISCORD_TOKEN;
    }
  });
});
