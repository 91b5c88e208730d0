/**
 * The sampler's timing contract with a scripted systeminformation: latest() waits only for the first
 * sample, then answers from memory; throughput comes from successive counters.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { SystemInformation } from '../../tools/system/collect-snapshot.js';
import { createSystemSampler } from '../../tools/system/sampler.js';

function scriptedSystemInformation(delayMs: number) {
  let samples = 0;
  let networkReads = 0;
  const rxBytes = [1_000, 11_000, 31_000];
  const sleep = () => new Promise((resolve) => setTimeout(resolve, delayMs));
  const info = {
    currentLoad: async () => {
      await sleep();
      samples += 1;
      return { currentLoad: 12.34, cpus: [{ load: 10 }, { load: 14.68 }] };
    },
    mem: async () => ({ total: 1000, available: 600, swaptotal: 0, swapused: 0 }),
    fsSize: async () => [{ fs: '/dev/sda1', type: 'ext4', size: 100, used: 40, use: 40, mount: '/' }],
    cpuTemperature: async () => ({ main: null, cores: [], max: null }),
    networkStats: async () => [{ iface: 'eth0', rx_bytes: rxBytes[Math.min(networkReads++, 2)], tx_bytes: 0 }],
    processes: async () => ({ list: [{ pid: 7, name: 'plex', cpu: 50, mem: 2, memRss: 2048 }] }),
    time: () => ({ uptime: 4242 }),
  } as unknown as SystemInformation;
  return { info, samples: () => samples };
}

describe('system sampler', () => {
  it('waits for the first sample, then answers without sampling again', async () => {
    const scripted = scriptedSystemInformation(100);
    const sampler = createSystemSampler({ intervalMs: 60_000, si: scripted.info, log: silentLogger });
    sampler.start();
    const first = await sampler.latest();
    expect(first.cpu).toEqual({ totalPercent: 12.3, perCore: [10, 14.7] });
    expect(first.memory.usedPercent).toBe(40);
    expect(first.temperature.available).toBe(false);
    expect(first.topByMemory[0]).toMatchObject({ pid: 7, memoryBytes: 2048 * 1024 });
    const started = performance.now();
    expect(await sampler.latest()).toBe(first);
    expect(performance.now() - started).toBeLessThan(20);
    expect(scripted.samples()).toBe(1);
    sampler.stop();
  });

  it('computes network throughput from successive samples', async () => {
    const scripted = scriptedSystemInformation(0);
    let now = 0;
    const sampler = createSystemSampler({
      intervalMs: 60_000,
      si: scripted.info,
      log: silentLogger,
      clock: () => new Date(now),
    });
    expect((await sampler.sampleNow()).network).toEqual([{ iface: 'eth0', rxBytesPerSecond: 0, txBytesPerSecond: 0 }]);
    now = 2000;
    expect((await sampler.sampleNow()).network[0]!.rxBytesPerSecond).toBe(5000);
  });

  it('samples again on its interval and stops when told', async () => {
    const scripted = scriptedSystemInformation(0);
    const sampler = createSystemSampler({ intervalMs: 30, si: scripted.info, log: silentLogger });
    sampler.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    sampler.stop();
    // A sample already in flight when stop() is called may still finish; none may start after it.
    await sampler.latest();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const counted = scripted.samples();
    expect(counted).toBeGreaterThanOrEqual(3);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(scripted.samples()).toBe(counted);
  });
});
