/**
 * The built CLI in a temp workspace (tests/cli/cli-harness.ts) with its own sysvox.yaml, and a real alert
 * engine on the workspace's SQLite file: the alerts the CLI lists and acknowledges were raised the way the
 * service raises them, from check observations.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAlertEngine } from '../../src/alerts/engine.js';
import { alertsSchema } from '../../src/config/alerts-schema.js';
import { createLogger } from '../../src/log.js';
import { openMemory, type Memory } from '../../src/memory/memory.js';
import type { CheckRun, Observation } from '../../src/toolkit/check.js';
import { createWorkspace, type CliWorkspace } from '../cli/cli-harness.js';

export interface AlertsWorkspace extends CliWorkspace {
  /** Writes ./sysvox.yaml (Ollama is always pointed at a closed port). */
  configure(lines: string[]): void;
  /** One check run through a real engine on the workspace's database, then a tick. */
  observe(source: string, run: CheckRun): Promise<void>;
  /** Writes to the workspace's database directly (rows no engine would write). */
  storeRaw(write: (memory: Memory) => void): void;
}

/** Alerts fire on the first observation and resolve on the first clear one: no waiting in these tests. */
const engineSettings = { keepFiringFor: '0s', groupWait: '0s' };

export function createAlertsWorkspace(): AlertsWorkspace {
  const workspace = createWorkspace();
  const databasePath = join(workspace.env.SYSVOX_DATA as string, 'sysvox.db');
  return {
    ...workspace,
    configure(lines) {
      writeFileSync(
        join(workspace.folder, 'sysvox.yaml'),
        ['ollama:', '  host: http://127.0.0.1:9', ...lines].join('\n'),
      );
    },
    storeRaw(write) {
      const memory = openMemory({ path: databasePath });
      try {
        write(memory);
      } finally {
        memory.close();
      }
    },
    async observe(source, run) {
      const memory = openMemory({ path: databasePath });
      try {
        const engine = createAlertEngine({
          memory,
          config: alertsSchema.parse(engineSettings),
          deliver: () => undefined,
          log: createLogger({ write: () => {} }),
        });
        engine.observe(source, run);
        await engine.tick();
      } finally {
        memory.close();
      }
    },
  };
}

/** A disk reading as the system check reports it, firing at once. */
export function diskObservation(mount: string, percent: number): Observation {
  return {
    rule: 'disk',
    target: mount,
    host: 'local',
    condition: percent >= 90 ? 'firing' : 'clear',
    severity: 'warning',
    summary: `the disk on ${mount} is ${percent} percent full`,
    recovery: `the disk on ${mount} is back to ${percent} percent`,
    value: percent,
    for: 0,
  };
}

/** An unhealthy container as the Docker check reports it, firing at once. */
export function unhealthyObservation(container: string): Observation {
  return {
    rule: 'container-unhealthy',
    target: container,
    host: 'local',
    condition: 'firing',
    severity: 'critical',
    summary: `${container} is unhealthy`,
    recovery: `${container} is healthy again`,
    for: 0,
  };
}

/** The id column of the row whose line contains `text`. */
export function idOfRow(listing: string, text: string): string {
  const line = listing.split('\n').find((row) => row.includes(text));
  const id = line?.split(/\s+/)[0];
  if (!id) throw new Error(`no row with "${text}" in:\n${listing}`);
  return id;
}
