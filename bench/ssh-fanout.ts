/**
 * The status of 8 hosts (8 real sshd on loopback, tests/helpers/sshd.ts), two ways:
 *   pooled:     sysvox's way: one warm ssh2 connection per host (tools/ssh), all 8 hosts in parallel,
 *               each host's /proc figures read over the connection's SFTP session (no process on the
 *               host), its disks from `df` at most once a minute;
 *   sequential: what seed 000 did: a fresh `ssh` process for every call, host after host: `head` of
 *               the same /proc files and `df`, two processes per host.
 * Prints the median time of each, the time for one host over the pool, and the ratios against the
 * targets: all 8 hosts within 1.5 x the time of one host, and >= 5 x faster than sequential.
 *
 *   npm run bench:ssh-fanout
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createHostCommands } from '../tools/ssh/host-commands.js';
import { readHostsStatus } from '../tools/ssh/hosts-status.js';
import { createProcReader } from '../tools/ssh/proc-reader.js';
import { createHostSnapshots } from '../tools/ssh/remote-snapshot.js';
import { startSshdHosts, sshdProblem, type TestSshHost } from '../tests/helpers/sshd.js';

const run = promisify(execFile);
const hostCount = 8;
const rounds = 7;

/** What one host's status reads, one `ssh` process per call: the figures from /proc, and the disks. */
const calls = [
  ['head', '-v', '-n', '4000', '/proc/loadavg', '/proc/meminfo', '/proc/stat', '/proc/uptime'],
  ['df', '-P', '-T', '-B1'],
];

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** One `ssh` process per call, as seed 000 ran them, checking the pinned key through a known_hosts file. */
async function sequentialFreshSsh(hosts: readonly TestSshHost[], knownHosts: string): Promise<void> {
  for (const host of hosts) {
    for (const argv of calls) {
      await run('ssh', [
        '-i',
        host.keyPath,
        '-p',
        String(host.port),
        '-o',
        'BatchMode=yes',
        '-o',
        'StrictHostKeyChecking=yes',
        '-o',
        `UserKnownHostsFile=${knownHosts}`,
        '-o',
        'LogLevel=ERROR',
        `${host.user}@${host.address}`,
        ...argv,
      ]);
    }
  }
}

async function main(): Promise<void> {
  if (sshdProblem) throw new Error(sshdProblem);
  const names = Array.from({ length: hostCount }, (_, index) => `host${index + 1}`);
  const sshd = await startSshdHosts({ names });
  const commands = createHostCommands({ hosts: sshd.hosts });
  try {
    const knownHosts = join(sshd.dir, 'known_hosts');
    const { readFileSync } = await import('node:fs');
    writeFileSync(
      knownHosts,
      sshd.hosts
        .map((host) => `[${host.address}]:${host.port} ${readFileSync(host.hostKeyPublicPath, 'utf8').trim()}`)
        .join('\n'),
    );
    // maxAgeMs 0: every round reads the hosts again rather than answering from the last reading.
    const snapshots = createHostSnapshots({
      sampler: { latest: () => Promise.reject(new Error('unused')) },
      commands,
      procReader: createProcReader(commands.pool),
      maxAgeMs: 0,
    });
    const status = (hosts: readonly string[]) => readHostsStatus({ hosts, snapshots, timeoutMs: 10_000 });
    const warm = await status(names); // connects, and takes the first CPU reading of every host
    if (warm.some((host) => !host.up))
      throw new Error(`a host is down: ${JSON.stringify(warm.filter((host) => !host.up))}`);
    const one: number[] = [];
    const all: number[] = [];
    const sequential: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      one.push(await timed(() => status([names[round % hostCount]!])));
      all.push(await timed(() => status(names)));
      if (round < 3) sequential.push(await timed(() => sequentialFreshSsh(sshd.hosts, knownHosts)));
    }
    const oneMs = median(one);
    const allMs = median(all);
    const sequentialMs = median(sequential);
    const fanout = allMs / oneMs;
    const speedup = sequentialMs / allMs;
    console.log(`status of 1 host, pooled:                      ${oneMs.toFixed(1)} ms (median of ${rounds})`);
    console.log(
      `status of ${hostCount} hosts in parallel, pooled:         ${allMs.toFixed(1)} ms (median of ${rounds})`,
    );
    console.log(
      `status of ${hostCount} hosts, sequential fresh ssh (${hostCount * calls.length} processes): ${sequentialMs.toFixed(1)} ms (median of ${sequential.length})`,
    );
    console.log(
      `fan-out ratio (${hostCount} hosts / 1 host):   ${fanout.toFixed(2)} x   target <= 1.5 x   ${fanout <= 1.5 ? 'MET' : 'MISSED'}`,
    );
    console.log(
      `speed-up over sequential fresh ssh:  ${speedup.toFixed(1)} x   target >= 5 x   ${speedup >= 5 ? 'MET' : 'MISSED'}`,
    );
  } finally {
    commands.close();
    await sshd.stop();
  }
}

await main();
