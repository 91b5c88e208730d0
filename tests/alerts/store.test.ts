/**
 * The people-facing side of the alert store on a real SQLite file: short ids found by unique prefix,
 * acknowledging, silences that expire or are ended early, and the history, across a reopen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../src/memory/alerts.js';
import { openMemory, type Memory } from '../../src/memory/memory.js';

let dir: string;
let memory: Memory;
const now = { value: new Date('2026-03-01T08:00:00Z') };
const clock = () => new Date(now.value);
const later = (ms: number) => (now.value = new Date(now.value.getTime() + ms));
const open = () => openMemory({ path: join(dir, 'sysvox.db'), clock });

function firing(fingerprint: string, target: string): AlertRecord {
  return {
    id: memory.alerts.newId(fingerprint),
    fingerprint,
    source: 'docker.containers',
    rule: 'container-unhealthy',
    target,
    host: 'local',
    severity: 'warning',
    state: 'firing',
    summary: `${target} is unhealthy`,
    recovery: `${target} is healthy again`,
    value: null,
    action: { tool: 'docker_restart', input: { container: target } },
    activeSince: clock(),
    firedAt: clock(),
    resolvedAt: null,
    lastFiringAt: clock(),
    clearSince: null,
    notifications: 0,
    announcedSeverity: null,
    lastNotifiedAt: null,
    recoveryOwed: false,
    recoveryNotified: false,
    approvalId: null,
    acknowledgedBy: null,
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sysvox-alert-store-'));
  memory = open();
});
afterEach(() => {
  memory.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('alert store', () => {
  it('finds an alert by its short id or a unique prefix, and not by an ambiguous or non-hex one', () => {
    memory.alerts.save(firing('3f2a91c0aa', 'nextcloud'));
    memory.alerts.save(firing('3f2b0000bb', 'plex'));
    expect(memory.alerts.find('3f2a91c0')?.target).toBe('nextcloud');
    expect(memory.alerts.find(' 3F2A ')?.target).toBe('nextcloud');
    expect(memory.alerts.find('3f2b')?.target).toBe('plex');
    expect(memory.alerts.find('3f2')).toBeUndefined();
    expect(memory.alerts.find('plex')).toBeUndefined();
    expect(memory.alerts.find('')).toBeUndefined();
  });

  it('gives a new alert a longer id only when another alert already has its first 8 digits', () => {
    memory.alerts.save(firing('abcdef0123456789', 'nextcloud'));
    expect(memory.alerts.newId('abcdef0199999999')).toBe('abcdef0199');
    expect(memory.alerts.newId('abcdef0123456789')).toBe('abcdef01');
  });

  it('acknowledges a firing alert once, records who did, and keeps it listed as open', () => {
    const alert = firing('3f2a91c0aa', 'nextcloud');
    memory.alerts.save(alert);
    later(60_000);
    expect(memory.alerts.acknowledge('3f2a', 'telegram:42')).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: 'telegram:42',
    });
    expect(memory.alerts.acknowledge('3f2a', 'cli')).toBeUndefined();
    expect(memory.alerts.list().map((record) => [record.target, record.state])).toEqual([
      ['nextcloud', 'acknowledged'],
    ]);
    expect(memory.alerts.events(new Date(0))).toMatchObject([
      { kind: 'acknowledged', alertId: alert.id, target: 'nextcloud', summary: 'acknowledged by telegram:42' },
    ]);
  });

  it('lists open alerts newest first and resolved ones only when asked', () => {
    memory.alerts.save(firing('aaaa0000', 'nextcloud'));
    later(1000);
    memory.alerts.save(firing('bbbb0000', 'plex'));
    memory.alerts.save({ ...firing('cccc0000', 'immich'), state: 'resolved', resolvedAt: clock() });
    expect(memory.alerts.list().map((alert) => alert.target)).toEqual(['plex', 'nextcloud']);
    expect(memory.alerts.list({ states: ['resolved'] }).map((alert) => alert.target)).toEqual(['immich']);
    expect(memory.alerts.list({ limit: 1 }).map((alert) => alert.target)).toEqual(['plex']);
  });

  it('keeps silences until they end, ends one early by prefix, and lists ended ones only with all', () => {
    const rule = memory.alerts.addSilence({
      rule: 'disk',
      target: null,
      host: null,
      createdBy: 'cli',
      comment: 'moving data',
      endsAt: new Date(now.value.getTime() + 3_600_000),
    });
    const host = memory.alerts.addSilence({
      rule: null,
      target: ' ',
      host: 'nas',
      createdBy: 'cli',
      comment: '',
      endsAt: new Date(now.value.getTime() + 600_000),
    });
    expect(rule.id).toMatch(/^[0-9a-f]{8}$/);
    expect(host.target).toBeNull();
    expect(memory.alerts.silences().map((silence) => silence.id)).toEqual([host.id, rule.id]);

    later(600_000);
    expect(memory.alerts.silences().map((silence) => silence.id)).toEqual([rule.id]);
    expect(memory.alerts.endSilence(host.id)).toBe(false);
    expect(memory.alerts.endSilence(rule.id.slice(0, 4))).toBe(true);
    expect(memory.alerts.silences()).toEqual([]);
    expect(memory.alerts.silences({ all: true })).toHaveLength(2);

    memory.close();
    memory = open();
    expect(memory.alerts.silences({ all: true }).map((silence) => silence.comment)).toEqual(['', 'moving data']);
  });

  it('refuses a silence that names nothing or ends before it starts, saying why', () => {
    const base = { rule: null, target: null, host: null, createdBy: 'cli', comment: '' };
    expect(() => memory.alerts.addSilence({ ...base, endsAt: new Date(now.value.getTime() + 1000) })).toThrow(
      /must name a rule, a target or a host/,
    );
    expect(() => memory.alerts.addSilence({ ...base, rule: 'disk', endsAt: clock() })).toThrow(
      /must end after it starts/,
    );
    expect(memory.alerts.silences({ all: true })).toEqual([]);
  });
});
