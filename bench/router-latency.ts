/**
 * Router latency end to end through core.handle: "status", "cpu" and "is <container> healthy",
 * with the background system sampler against collecting the metrics on demand.
 *
 *   node --import tsx bench/router-latency.ts [--rounds 40]
 *
 * Uses a temporary data dir and no config file. Docker questions run when DOCKER_HOST (or the
 * default socket) answers; otherwise they are left out and the script says so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectReply } from '../src/core/turn.js';
import { createApp, type App } from '../src/app/main.js';
import { silentLogger } from '../src/log.js';
import { createSystemSampler, type SystemSampler } from '../tools/system/sampler.js';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 40;

function onDemand(real: SystemSampler): SystemSampler {
  return { start() {}, stop() {}, latest: () => real.sampleNow(), sampleNow: () => real.sampleNow() };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(app: App, question: string): Promise<number[]> {
  const times: number[] = [];
  const person = { channel: 'cli', externalId: 'bench' };
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const { events } = await collectReply(
      app.core.handle({ channel: 'cli', person, conversation: 'bench', text: question }),
    );
    times.push(performance.now() - started);
    const done = events.find((event) => event.type === 'done');
    if (done?.type !== 'done' || done.source !== 'router')
      throw new Error(`"${question}" was not answered by the router: ${JSON.stringify(done)}`);
  }
  return times;
}

async function run(mode: 'background' | 'on-demand', questions: string[]): Promise<Map<string, number[]>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sysvox-bench-'));
  const real = createSystemSampler({ intervalMs: 2000, log: silentLogger });
  const sampler = mode === 'background' ? real : onDemand(real);
  const app = await createApp({
    logTo: 'stderr',
    logLevel: 'error',
    env: { ...process.env, SYSVOX_DATA: dataDir },
    sampler,
  });
  try {
    app.sampler.start(); // the service does this in start(); a no-op for the on-demand sampler
    await app.sampler.latest(); // both modes start measuring with a primed process
    const results = new Map<string, number[]>();
    for (const question of questions) results.set(question, await measure(app, question));
    return results;
  } finally {
    await app.close();
    real.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const probe = await createApp({
    logTo: 'stderr',
    logLevel: 'error',
    env: { ...process.env, SYSVOX_DATA: mkdtempSync(join(tmpdir(), 'sysvox-bench-')) },
  });
  const containers = await probe.docker.listContainerNames().catch(() => []);
  await probe.close();
  const container = containers.find((name) => name.includes('healthy')) ?? containers[0];
  const questions = ['status', 'cpu', ...(container ? [`is ${container} healthy`] : [])];
  if (!container) console.log('Docker is not reachable: "is <container> healthy" is left out (set DOCKER_HOST).');

  const background = await run('background', questions);
  const demand = await run('on-demand', questions);
  console.log(`router latency through core.handle, ${rounds} rounds each (ms)`);
  console.log('question'.padEnd(28), 'background p50/p99'.padEnd(22), 'on-demand p50/p99'.padEnd(22), 'p50 ratio');
  for (const question of questions) {
    const fast = background.get(question)!;
    const slow = demand.get(question)!;
    const ratio = percentile(slow, 50) / percentile(fast, 50);
    console.log(
      question.padEnd(28),
      `${percentile(fast, 50).toFixed(1)} / ${percentile(fast, 99).toFixed(1)}`.padEnd(22),
      `${percentile(slow, 50).toFixed(1)} / ${percentile(slow, 99).toFixed(1)}`.padEnd(22),
      `${ratio.toFixed(1)}x`,
    );
  }
  const status = percentile(background.get('status')!, 50);
  const statusRatio = percentile(demand.get('status')!, 50) / status;
  console.log(
    `target: status p50 < 20 ms (${status.toFixed(1)} ms: ${status < 20 ? 'met' : 'missed'}); >= 20x faster than on demand (${statusRatio.toFixed(1)}x: ${statusRatio >= 20 ? 'met' : 'missed'})`,
  );
}

await main();
