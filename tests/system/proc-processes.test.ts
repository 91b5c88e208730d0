/**
 * The sampler's own /proc reader against the real machine: a process busy on one core leads the CPU
 * list, and this process's resident memory reads as the kernel reports it.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { createProcProcesses } from '../../tools/system/proc-processes.js';
import { parseNetDev, readNetworkCounters } from '../../tools/system/proc-network.js';

const onLinux = process.platform === 'linux';

describe.runIf(onLinux)('process list from /proc', () => {
  it('shows a busy process using more CPU than a sleeping one, named after its program', async () => {
    const busy = spawn(process.execPath, ['-e', 'for (;;) {}']);
    const sleeping = spawn('sleep', ['60']);
    try {
      const read = createProcProcesses();
      await read();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const { list } = await read();
      const found = list.find((entry) => entry.pid === busy.pid);
      const idle = list.find((entry) => entry.pid === sleeping.pid);
      expect(found?.name).toBe('node');
      expect(idle?.name).toBe('sleep');
      // Percent of all cores, so at most 100; a shared machine may give the busy one well under a core.
      expect(found!.cpu).toBeGreaterThan(idle!.cpu);
      expect(found!.cpu).toBeLessThanOrEqual(100);
    } finally {
      busy.kill('SIGKILL');
      sleeping.kill('SIGKILL');
    }
  });

  it('reports this process resident memory in KiB and as a share of physical memory', async () => {
    const { list } = await createProcProcesses()();
    const mine = list.find((entry) => entry.pid === process.pid)!;
    const rssKib = process.memoryUsage().rss / 1024;
    expect(mine.memRss).toBeGreaterThan(rssKib * 0.8);
    expect(mine.memRss).toBeLessThan(rssKib * 1.2);
    expect(mine.mem).toBeCloseTo((mine.memRss * 1024 * 100) / os.totalmem(), 1);
  });
});

describe('network counters', () => {
  it('parses /proc/net/dev receive and transmit bytes per interface', () => {
    const text = [
      'Inter-|   Receive                                                |  Transmit',
      ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
      '    lo: 4763819    3877    0    0    0     0          0         0  4763800    3877    0    0    0     0       0          0',
      '  eth0:12345678   99 0 0 0 0 0 0 87654321 77 0 0 0 0 0 0',
    ].join('\n');
    expect(parseNetDev(text)).toEqual([
      { iface: 'lo', rx_bytes: 4763819, tx_bytes: 4763800 },
      { iface: 'eth0', rx_bytes: 12345678, tx_bytes: 87654321 },
    ]);
  });

  it.runIf(onLinux)('reads the loopback counters of this machine', async () => {
    const counters = await readNetworkCounters();
    expect(counters.map((entry) => entry.iface)).toContain('lo');
  });
});
