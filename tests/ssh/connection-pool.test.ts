/**
 * The connection pool against real sshd on loopback: one connection serves many commands, a command
 * past its deadline is killed on the host, a connection killed by the server is replaced, a host that
 * is down fails at once and comes back, and the channel cap keeps a burst within sshd's MaxSessions.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { HostCommandError } from '../../src/toolkit/host-commands.js';
import { createConnectionPool, type ConnectionPool } from '../../tools/ssh/connection-pool.js';
import { describeSshd, startSshdHosts, type SshdHosts } from '../helpers/sshd.js';
import { waitFor } from '../helpers/docker-engine.js';

let sshd: SshdHosts;
const pools: ConnectionPool[] = [];

beforeAll(async () => {
  sshd = await startSshdHosts({ names: ['nas', 'media', 'tank'], maxSessions: 2 });
});
afterAll(async () => {
  for (const pool of pools) pool.close();
  await sshd?.stop();
});

function newPool(maxChannelsPerHost = 2): ConnectionPool {
  const pool = createConnectionPool({
    hosts: sshd.hosts,
    log: silentLogger,
    maxChannelsPerHost,
    backoff: { initialMs: 50, maxMs: 200 },
  });
  pools.push(pool);
  return pool;
}

const quick = { timeoutMs: 10_000, maxBytes: 65_536 };

/** Processes on this machine whose command line is exactly these words (the loopback hosts run here). */
function processesRunning(words: string[]): number {
  const wanted = words.join('\0');
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0$/, '') === wanted;
      } catch {
        return false;
      }
    }).length;
}

describeSshd('the ssh2 connection pool over real sshd', () => {
  it('runs many commands over one connection', async () => {
    const pool = newPool();
    for (let round = 0; round < 5; round += 1) {
      const result = await pool.exec('nas', ['cat', '/proc/uptime'], quick);
      expect(result.exitCode).toBe(0);
    }
    expect(sshd.connectionCount('nas')).toBe(1);
  });

  it('stops a command that outlives its deadline, on the host too', async () => {
    const pool = newPool();
    const error = await pool
      .exec('media', ['sleep', '31.37'], { ...quick, timeoutMs: 700 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HostCommandError);
    expect((error as HostCommandError).failure.kind).toBe('timeout');
    expect((error as HostCommandError).message).toContain('took longer than 0.7 seconds');
    await waitFor(
      async () => (processesRunning(['sleep', '31.37']) === 0 ? true : undefined),
      5000,
      'the remote sleep to end',
    );
    // The connection is still good for the next command.
    expect((await pool.exec('media', ['true'], quick)).exitCode).toBe(0);
  });

  it('recovers when the server kills the connection', async () => {
    const pool = newPool();
    expect((await pool.exec('tank', ['true'], quick)).exitCode).toBe(0);
    expect(sshd.killConnections('tank')).toBeGreaterThan(0);
    const after = await pool.exec('tank', ['echo', 'back'], quick);
    expect(after.stdout.trim()).toBe('back');
    expect(sshd.connectionCount('tank')).toBe(1);
  });

  it('fails at once while a host is down, and reconnects when it is back', async () => {
    const pool = newPool();
    expect((await pool.exec('nas', ['true'], quick)).exitCode).toBe(0);
    await sshd.stopHost('nas');
    const error = await waitFor(
      async () =>
        pool.exec('nas', ['true'], quick).then(
          () => undefined,
          (caught: unknown) => caught as HostCommandError,
        ),
      5000,
      'nas to be reported down',
    );
    expect(error.failure.kind).toBe('unreachable');
    expect(error.message).toContain('nas is not reachable');
    expect(pool.state('nas').state).not.toBe('connected');
    await sshd.startHost('nas');
    const back = await waitFor(
      async () =>
        pool.exec('nas', ['echo', 'up'], quick).then(
          (result) => result.stdout.trim(),
          () => undefined,
        ),
      10_000,
      'nas to answer again',
    );
    expect(back).toBe('up');
  });

  it('queues a burst beyond the channel cap instead of overrunning sshd MaxSessions', async () => {
    const capped = newPool(2);
    const burst = Array.from({ length: 8 }, (_, index) =>
      capped.exec('media', ['sh', '-c', `sleep 0.2; echo ${index}`], quick),
    );
    const outputs = (await Promise.all(burst)).map((result) => result.stdout.trim());
    expect(outputs).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    // Without the cap, sshd (MaxSessions 2) refuses the channels past two: the cap is what keeps the burst whole.
    const uncapped = newPool(8);
    const settled = await Promise.allSettled(
      Array.from({ length: 8 }, () => uncapped.exec('media', ['sleep', '0.2'], quick)),
    );
    expect(settled.some((outcome) => outcome.status === 'rejected')).toBe(true);
  });

  it('names an unknown host in one sentence', async () => {
    const error = (await newPool()
      .exec('attic', ['true'], quick)
      .catch((caught: unknown) => caught)) as HostCommandError;
    expect(error.failure.kind).toBe('unknown-host');
    expect(error.message).toBe("I don't know a host called attic.");
  });
});
