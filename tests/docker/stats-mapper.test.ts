import { describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { toStats } from '../../tools/docker/container-mappers.js';

describe('docker stats of a container that stops meanwhile', () => {
  it('gives no figures instead of throwing when the engine sends empty CPU stats', () => {
    // What the engine answers for a container that exited between the listing and the stats call.
    const stopped = {
      read: '0001-01-01T00:00:00Z',
      cpu_stats: {},
      precpu_stats: {},
      memory_stats: {},
    } as unknown as Docker.ContainerStats;
    expect(toStats('worker', stopped)).toBeNull();
  });

  it('computes CPU the way docker stats does for a running one', () => {
    const running = {
      cpu_stats: { cpu_usage: { total_usage: 2_000_000 }, system_cpu_usage: 20_000_000, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 1_000_000 }, system_cpu_usage: 10_000_000 },
      memory_stats: { usage: 300, limit: 1000, stats: { inactive_file: 100 } },
    } as unknown as Docker.ContainerStats;
    expect(toStats('web', running)).toEqual({
      name: 'web',
      cpuPercent: 20,
      memoryBytes: 200,
      memoryLimitBytes: 1000,
      memoryPercent: 20,
    });
  });
});
