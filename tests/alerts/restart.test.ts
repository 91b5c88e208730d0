/**
 * After a restart, even a kill -9 right after a notice, nothing already announced is announced again,
 * and an alert that began while sysvox was down is announced once. The bookkeeping is committed before
 * a notice is delivered (src/alerts/decide.ts), so the new process reads what the old one said.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, hour, minute, second, texts, unhealthy, type Harness } from './harness.js';

let harness: Harness | undefined;
const dirs: string[] = [];
afterEach(() => {
  harness?.close();
  harness = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const timing = {
  groupWait: '30s',
  groupInterval: '5m',
  repeatInterval: '4h',
  maxRepeats: 3,
  keepFiringFor: '2m',
  rules: { containerUnhealthy: { for: '0s' } },
};

describe('restart safety', () => {
  it('a new engine on the same file sends nothing for what the old one announced, then repeats on schedule', async () => {
    harness = createHarness(timing);
    await harness.runFor(minute, 15 * second, () => [unhealthy('nextcloud'), unhealthy('plex')]);
    expect(harness.sent).toHaveLength(1);

    harness.restart();
    await harness.runFor(30 * minute, 15 * second, () => [unhealthy('nextcloud'), unhealthy('plex')]);
    expect(harness.sent).toHaveLength(1);

    harness.restart();
    await harness.runFor(4 * hour, minute, () => [unhealthy('nextcloud'), unhealthy('plex')]);
    expect(texts(harness.sent)).toEqual([
      'Warning: 2 containers are unhealthy: nextcloud and plex.',
      'Reminder. Warning: 2 containers are unhealthy: nextcloud and plex.',
    ]);
  });

  it('a notice whose delivery never finished (the process died) is not sent again', async () => {
    harness = createHarness(timing, { deliver: () => new Promise(() => undefined) });
    harness.engine.observe('docker.containers', { observations: [unhealthy('nextcloud')], covers: [] });
    harness.advance(30 * second);
    void harness.engine.tick(); // hangs in deliver, like a process killed mid-send
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.sent).toHaveLength(1);

    harness.restart();
    const before = harness.sent.length;
    await harness.runFor(hour, minute, () => [unhealthy('nextcloud')]);
    expect(harness.sent).toHaveLength(before);
  });

  it('kill -9 of the engine process after it announced, then a restart: no second notice, and what began while it was down is announced once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sysvox-alerts-kill-'));
    dirs.push(dir);
    const path = join(dir, 'sysvox.db');
    const checkout = resolve(import.meta.dirname, '..', '..');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/alerts/fixtures/engine-process.ts', path, '2026-03-01T08:00:00Z'],
      { cwd: checkout, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const firstLine = await new Promise<string>((resolve) =>
      createInterface({ input: child.stdout }).once('line', resolve),
    );
    expect(JSON.parse(firstLine)).toEqual({ text: 'Warning: nextcloud is unhealthy.' });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // the harness clock starts at the same fake time; the service comes back two minutes later
    harness = createHarness(timing, { path });
    harness.advance(2 * minute);
    await harness.runFor(30 * minute, 15 * second, () => [unhealthy('nextcloud'), unhealthy('plex')]);
    expect(texts(harness.sent)).toEqual(['Warning: plex is unhealthy.']);
    expect(harness.sent[0]!.alerts.map((alert) => alert.target)).toEqual(['plex']);
  });
});
