/**
 * A real alert engine over a real SQLite file in a temp dir, with a fake clock, that records the notices
 * it delivers. Checks are simulated by the observations a test passes; time moves only when a test says.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAlertEngine, type AlertEngine, type AlertNotice } from '../../src/alerts/engine.js';
import type { OfferAction } from '../../src/alerts/offer-actions.js';
import { alertsSchema, type AlertsConfig } from '../../src/config/alerts-schema.js';
import { createLogger } from '../../src/log.js';
import { openMemory, type Memory } from '../../src/memory/memory.js';
import type { CheckRun, Observation } from '../../src/toolkit/check.js';

export const second = 1000;
export const minute = 60 * second;
export const hour = 60 * minute;

export interface Harness {
  memory: Memory;
  engine: AlertEngine;
  config: AlertsConfig;
  /** Every notice delivered so far, oldest first. */
  sent: AlertNotice[];
  /** Log lines written, parsed. */
  logs: Array<{ level: string; message: string; [field: string]: unknown }>;
  now(): Date;
  /** Moves the fake clock forward. */
  advance(ms: number): void;
  /** One check run (source 'docker.containers' unless named), then a tick. */
  report(observations: Observation[], options?: { source?: string; covers?: CheckRun['covers'] }): Promise<void>;
  /** A check run every `everyMs` for `forMs`, each built by `observe(elapsed)`, ticking after each. */
  runFor(forMs: number, everyMs: number, observe: (elapsed: number) => Observation[]): Promise<void>;
  /** Another engine on the same database file, as after a restart. */
  restart(options?: { offerAction?: OfferAction }): void;
  close(): void;
}

export function createHarness(
  settings: Record<string, unknown> = {},
  options: {
    offerAction?: OfferAction;
    deliver?: (notice: AlertNotice) => unknown;
    path?: string;
    /** Time from somewhere else (vitest's fake timers); `advance` then does nothing. */
    clock?: () => Date;
    deliverTimeoutMs?: number;
  } = {},
): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'sysvox-alerts-'));
  const path = options.path ?? join(dir, 'sysvox.db');
  let now = new Date('2026-03-01T08:00:00Z');
  const clock = options.clock ?? (() => new Date(now));
  const config = alertsSchema.parse(settings);
  const sent: AlertNotice[] = [];
  const logs: Harness['logs'] = [];
  const log = createLogger({ level: 'debug', clock, write: (line) => void logs.push(JSON.parse(line)) });
  const deliver = (notice: AlertNotice) => {
    sent.push(notice);
    return options.deliver?.(notice);
  };
  const start = (offerAction = options.offerAction) => {
    const memory = openMemory({ path, clock });
    const deliverTimeoutMs = options.deliverTimeoutMs;
    const engine = createAlertEngine({ memory, config, clock, deliver, offerAction, log, deliverTimeoutMs });
    return { memory, engine };
  };
  let current = start();
  const harness: Harness = {
    get memory() {
      return current.memory;
    },
    get engine() {
      return current.engine;
    },
    config,
    sent,
    logs,
    now: clock,
    advance: (ms) => void (now = new Date(now.getTime() + ms)),
    async report(observations, { source = 'docker.containers', covers = [] } = {}) {
      current.engine.observe(source, { observations, covers });
      await current.engine.tick();
    },
    async runFor(forMs, everyMs, observe) {
      for (let elapsed = everyMs; elapsed <= forMs; elapsed += everyMs) {
        harness.advance(everyMs);
        await harness.report(observe(elapsed));
      }
    },
    restart(restartOptions = {}) {
      current.memory.close();
      current = start(restartOptions.offerAction ?? options.offerAction);
    },
    close() {
      current.memory.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

type Condition = Observation['condition'];

export function unhealthy(container: string, condition: Condition = 'firing', host = 'local'): Observation {
  return {
    rule: 'container-unhealthy',
    target: container,
    host,
    condition,
    severity: 'warning',
    summary: `${container} is unhealthy`,
    recovery: `${container} is healthy again`,
    action: { tool: 'docker_restart', input: { container, host } },
  };
}

/** A disk rule with hysteresis: fires at 90, resolves below 85, holds in between. */
export function disk(mount: string, percent: number, host = 'local'): Observation {
  const condition: Condition = percent >= 90 ? 'firing' : percent < 85 ? 'clear' : 'hold';
  return {
    rule: 'disk',
    target: mount,
    host,
    condition,
    severity: percent >= 95 ? 'critical' : 'warning',
    summary: `the disk on ${mount} is ${percent} percent full`,
    recovery: `the disk on ${mount} is back to ${percent} percent`,
    value: percent,
  };
}

export const texts = (notices: readonly AlertNotice[]) => notices.map((notice) => notice.text);
