/**
 * The system tools with the real systeminformation on this machine, compared with what Node's os
 * module says about the same machine.
 */
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import type { AnyTool, ToolContext } from '../../src/toolkit/tool.js';
import { createSystemSampler } from '../../tools/system/sampler.js';
import { createSystemTools } from '../../tools/system/system-tools.js';
import type {
  CpuSnapshot,
  FilesystemUsage,
  MemorySnapshot,
  ProcessInfo,
  TemperatureSnapshot,
} from '../../tools/system/types.js';

const context: ToolContext = {
  signal: new AbortController().signal,
  log: silentLogger,
  clock: () => new Date(),
  host: 'local',
};

describe('system tools on this machine', () => {
  const sampler = createSystemSampler({ intervalMs: 60_000, log: silentLogger });
  const tools = createSystemTools(sampler);
  const run = async <O>(name: string, input: unknown = {}): Promise<O> => {
    const tool = tools.find((each) => each.name === name) as AnyTool;
    return (await tool.execute(tool.input.parse(input), context)) as O;
  };

  beforeAll(async () => {
    sampler.start();
    await sampler.latest();
  });
  afterAll(() => sampler.stop());

  it('answers from the primed sampler without waiting for a new sample', async () => {
    const first = await sampler.latest();
    const cpu = await run<CpuSnapshot>('cpu_usage');
    // The very object of the last sample: nothing was sampled for the answer (speed is bench/router-latency's).
    expect(cpu).toBe(first.cpu);
  });

  it("gives results that match every tool's output schema, the full snapshot included", async () => {
    for (const tool of tools)
      tool.output!.parse(await run(tool.name, tool.name === 'top_processes' ? { by: 'cpu' } : {}));
  });

  it('reports CPU in percent, per core as many as the machine has', async () => {
    const cpu = await run<CpuSnapshot>('cpu_usage');
    expect(cpu.totalPercent).toBeGreaterThanOrEqual(0);
    expect(cpu.totalPercent).toBeLessThanOrEqual(100);
    expect(cpu.perCore).toHaveLength(os.cpus().length);
    for (const core of cpu.perCore) expect(core).toBeGreaterThanOrEqual(0);
  });

  it('reports the same memory total as the kernel', async () => {
    const memory = await run<MemorySnapshot>('memory_usage');
    expect(Math.abs(memory.totalBytes - os.totalmem()) / os.totalmem()).toBeLessThan(0.03);
    expect(memory.usedPercent).toBeGreaterThan(0);
    expect(memory.usedPercent).toBeLessThan(100);
    expect(memory.usedBytes + memory.availableBytes).toBe(memory.totalBytes);
  });

  it('finds the root filesystem by "/" and by "root", and hides overlay mounts', async () => {
    const root = await run<FilesystemUsage[]>('disk_usage', { mount: 'root' });
    expect(root).toHaveLength(1);
    expect(root[0]).toMatchObject({ mount: '/' });
    expect(root[0]!.sizeBytes).toBeGreaterThan(root[0]!.usedBytes);
    expect(await run<FilesystemUsage[]>('disk_usage', { mount: '/' })).toEqual(root);
    const all = await run<FilesystemUsage[]>('disk_usage');
    expect(all.map((entry) => entry.mount)).toContain('/');
    expect(all.some((entry) => entry.type === 'overlay' || entry.type === 'tmpfs')).toBe(false);
    const missing = await run('disk_usage', { mount: 'no-such-mount' }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ToolError);
    expect((missing as ToolError).message).toMatch(/^Nothing is mounted at \/no-such-mount\. Mounts: .*\//);
  });

  it('reports uptime close to the kernel uptime', async () => {
    const uptime = await run<{ hostname: string; uptimeSeconds: number }>('uptime');
    expect(uptime.hostname).toBe(os.hostname());
    expect(Math.abs(uptime.uptimeSeconds - os.uptime())).toBeLessThan(120);
  });

  it('says temperatures are unavailable on a machine without sensors', async () => {
    const temperature = await run<TemperatureSnapshot>('temperatures');
    expect(typeof temperature.available).toBe('boolean');
    if (!temperature.available)
      expect(temperature).toEqual({ available: false, mainCelsius: null, maxCelsius: null, coresCelsius: [] });
    else expect(temperature.mainCelsius ?? temperature.coresCelsius[0]).toBeGreaterThan(0);
  });

  it('reports load average with the number of cores', async () => {
    const load = await run<{ load1: number; cores: number }>('load_average');
    expect(load.cores).toBe(os.cpus().length);
    expect(load.load1).toBeGreaterThanOrEqual(0);
  });

  it('reports network rates per interface after two samples', async () => {
    await sampler.sampleNow();
    const rates = await run<Array<{ iface: string; rxBytesPerSecond: number }>>('network_throughput');
    expect(rates.map((rate) => rate.iface)).toContain('lo');
    for (const rate of rates) expect(rate.rxBytesPerSecond).toBeGreaterThanOrEqual(0);
  });

  it('lists this test process among the top memory users when it holds a lot of memory', async () => {
    const ballast = Buffer.alloc(768 * 1024 * 1024, 1);
    try {
      await sampler.sampleNow();
      const top = await run<ProcessInfo[]>('top_processes', { by: 'memory', limit: 20 });
      expect(top.map((process) => process.pid)).toContain(process.pid);
      const mine = top.find((each) => each.pid === process.pid)!;
      expect(mine.memoryBytes).toBeGreaterThan(ballast.length);
      const byCpu = await run<ProcessInfo[]>('top_processes', { by: 'cpu' });
      expect(byCpu).toHaveLength(5);
    } finally {
      ballast.fill(0, 0, 1);
    }
  });
});
