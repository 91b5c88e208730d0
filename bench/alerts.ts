/**
 * An alert storm: 10,000 events on 200 fingerprints (4 rules x 5 hosts x 10 targets) within one minute
 * of fake time, into a real SQLite file, ticking as the real scheduler does (after every check run and
 * every 5 s). Run twice: as checks report (each run carries the 10 targets of one rule on one host) and
 * the worst case (every event is a run of its own, each followed by a tick). Prints events ingested per
 * second (with the ticks, and in observe() alone) and the notices sent, against the targets: ingest
 * >= 5,000 events/s counting the ticks, and no more than one notice per group per group_interval.
 *
 *   node --import tsx bench/alerts.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAlertEngine, type AlertNotice } from '../src/alerts/engine.js';
import { alertsSchema } from '../src/config/alerts-schema.js';
import { silentLogger } from '../src/log.js';
import { openMemory } from '../src/memory/memory.js';
import type { Observation } from '../src/toolkit/check.js';

const events = 10_000;
const stormMs = 60_000;
const tickEveryMs = 5_000;
const rules = ['container-unhealthy', 'container-exited', 'disk', 'command:backup-fresh'];
const hosts = ['local', 'nas', 'pi', 'nuc', 'vps'];
const targetsPerGroup = 10;
const config = alertsSchema.parse({});

/** A small seeded generator, so both modes see the same storm. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function observation(rule: string, host: string, index: number, roll: number): Observation {
  const target = rule === 'disk' ? `/mnt/disk${index}` : `app${index}`;
  return {
    rule,
    target,
    host,
    condition: roll < 0.7 ? 'firing' : roll < 0.9 ? 'clear' : 'hold',
    severity: 'warning',
    summary: `${target} on ${host} is failing`,
    recovery: `${target} on ${host} is fine again`,
    for: index % 2 === 0 ? 0 : 30_000,
    value: Math.round(roll * 100),
  };
}

interface Result {
  /** Wall time of the whole storm, observing and ticking. */
  ms: number;
  /** Of which in observe(). */
  observeMs: number;
  notices: Array<{ key: string; at: number }>;
}

async function storm(perRun: number): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'sysvox-bench-alerts-'));
  const start = Date.parse('2026-03-01T08:00:00Z');
  let now = start;
  const clock = () => new Date(now);
  const memory = openMemory({ path: join(dir, 'sysvox.db'), clock });
  const notices: Result['notices'] = [];
  const deliver = (notice: AlertNotice) => void notices.push({ key: notice.key, at: now });
  const engine = createAlertEngine({ memory, config, clock, deliver, log: silentLogger });
  const roll = random(42);
  const runs = events / perRun;
  let nextTick = start + tickEveryMs;
  let observeMs = 0;
  const started = performance.now();
  try {
    for (let runIndex = 0; runIndex < runs; runIndex++) {
      now = start + Math.floor((runIndex * stormMs) / runs);
      while (nextTick <= now) {
        await engine.tick();
        nextTick += tickEveryMs;
      }
      const group = Math.floor(roll() * rules.length * hosts.length);
      const rule = rules[group % rules.length]!;
      const host = hosts[Math.floor(group / rules.length)]!;
      const observations = Array.from({ length: perRun }, (_, index) => {
        const target = perRun === targetsPerGroup ? index : Math.floor(roll() * targetsPerGroup);
        return observation(rule, host, target, roll());
      });
      const observing = performance.now();
      engine.observe(`bench.${rule}`, { observations, covers: [] });
      observeMs += performance.now() - observing;
      await engine.tick();
    }
    return { ms: performance.now() - started, observeMs, notices };
  } finally {
    memory.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The most notices any one group sent within any window of group_interval. */
function worstPerGroupInterval(notices: Result['notices']): number {
  let worst = 0;
  for (const notice of notices) {
    const inWindow = notices.filter(
      (other) => other.key === notice.key && other.at >= notice.at && other.at < notice.at + config.groupInterval,
    );
    worst = Math.max(worst, inWindow.length);
  }
  return worst;
}

async function main(): Promise<void> {
  console.log(
    `alert storm: ${events.toLocaleString('en')} events on ${rules.length * hosts.length * targetsPerGroup} fingerprints ` +
      `(${rules.length * hosts.length} groups) in ${stormMs / 1000} s of fake time, real SQLite file`,
  );
  console.log(
    'mode'.padEnd(32),
    'wall ms'.padEnd(10),
    'events/s'.padEnd(10),
    'observe only'.padEnd(14),
    'notices'.padEnd(9),
    'worst/group/interval',
  );
  const modes: Array<[string, number]> = [
    ['as checks report (10 per run)', targetsPerGroup],
    ['worst case (1 event per run)', 1],
  ];
  for (const [name, perRun] of modes) {
    const result = await storm(perRun);
    const rate = events / (result.ms / 1000);
    const worst = worstPerGroupInterval(result.notices);
    console.log(
      name.padEnd(32),
      result.ms.toFixed(0).padEnd(10),
      rate.toFixed(0).padEnd(10),
      (events / (result.observeMs / 1000)).toFixed(0).padEnd(14),
      String(result.notices.length).padEnd(9),
      String(worst),
    );
    console.log(
      `  target: ingest >= 5,000 events/s (${(rate / 5000).toFixed(1)}x: ${rate >= 5000 ? 'met' : 'missed'}); ` +
        `<= 1 notice per group per group_interval (${worst}: ${worst <= 1 ? 'met' : 'missed'}), ` +
        `${new Set(result.notices.map((notice) => notice.key)).size} of ${rules.length * hosts.length} groups notified`,
    );
  }
}

await main();
