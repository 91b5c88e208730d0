/**
 * The systemctl and journalctl parsers on recorded output (tests/services/fixtures/README.md says where
 * each file comes from): the JSON forms, the plain table older systemctl prints, Key=Value `show` output,
 * and the journal's JSON lines, redacted and made inert.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnitFileNames } from '../../tools/services/client.js';
import { parseJournalJson } from '../../tools/services/journal-output.js';
import {
  parseJsonUnitList,
  parsePlainUnitList,
  parseShow,
  showTimestamp,
} from '../../tools/services/systemctl-output.js';
import { fixtures } from './systemd-stand-ins.js';

const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

describe('systemctl output', () => {
  it('reads the failed units from the JSON form and from the plain table alike', () => {
    const json = parseJsonUnitList(read('systemctl-list-units-failed.json'));
    const plain = parsePlainUnitList(read('systemctl-list-units-failed.plain.txt'));
    expect(json?.map((row) => row.unit)).toEqual(['jellyfin.service', 'nfs-server.service']);
    expect(plain).toEqual(json);
    expect(json?.[0]).toMatchObject({ load: 'loaded', active: 'failed', sub: 'failed' });
  });

  it('knows the table is not JSON (an older systemctl ignores --output for list-units)', () => {
    expect(parseJsonUnitList(read('systemctl-list-units-failed.plain.txt'))).toBeNull();
    expect(parseJsonUnitList('[{"unit": 5}]')).toBeNull();
    expect(parseJsonUnitList('[]')).toEqual([]);
  });

  it('reads the real list-unit-files JSON of this machine, and its table', () => {
    const names = parseUnitFileNames(read('systemctl-list-unit-files-services.json'));
    expect(names.length).toBeGreaterThan(10);
    expect(names).toContain('ssh.service');
    expect(parseUnitFileNames('ssh.service  enabled enabled\nUNIT FILE STATE\n')).toEqual(['ssh.service']);
  });

  it('reads show output with a value holding "=" whole, and its timestamps', () => {
    const properties = parseShow(read('systemctl-show-jellyfin.txt') + 'Description=a=b\n');
    expect(properties.get('ActiveState')).toBe('active');
    expect(properties.get('Description')).toBe('a=b');
    expect(showTimestamp(properties.get('StateChangeTimestamp'))?.toISOString()).toBe('2026-12-02T14:02:11.000Z');
    expect(showTimestamp('')).toBeNull();
    expect(showTimestamp('n/a')).toBeNull();
  });
});

describe('journalctl --output=json', () => {
  const entries = parseJournalJson(read('journalctl-u-nginx-n5.json'), { maxMessageChars: 400 });

  it('gives every recorded line with its time, priority and source, oldest first', () => {
    expect(entries).toHaveLength(5);
    expect(entries[1]).toMatchObject({ priority: 'err', source: 'nginx' });
    expect(entries[1]!.message).toContain('bind() to 0.0.0.0:80 failed');
    expect(entries[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(entries.map((entry) => entry.at)).toEqual([...entries.map((entry) => entry.at)].sort());
  });

  it('masks the secrets a log line holds', () => {
    const text = entries.map((entry) => entry.message).join('\n');
    expect(text).not.toContain('s3cr3tPass');
    expect(text).not.toContain('ghp_1234567890abcdefghijklmnopqrstuvwxyzAB');
    expect(text).toContain('upstream auth failed');
  });

  it('keeps $(...) and backticks as plain text', () => {
    const hostile = entries.find((entry) => entry.message.includes('touch'));
    expect(hostile?.message).toContain('$(touch /tmp/sysvox-journal-pwned)');
    expect(hostile?.message).toContain('`id`');
  });

  it('reads byte-array and oversized messages, skips a cut last line, and cuts long ones', () => {
    const lines = [
      JSON.stringify({ __REALTIME_TIMESTAMP: '1796229983919228', PRIORITY: '3', MESSAGE: [104, 105, 0, 7] }),
      JSON.stringify({ __REALTIME_TIMESTAMP: '1796229983919229', PRIORITY: '6', MESSAGE: null }),
      JSON.stringify({ __REALTIME_TIMESTAMP: '1796229983919230', PRIORITY: '6', MESSAGE: 'x'.repeat(1000) }),
      '{"__REALTIME_TIMESTAMP":"17962',
    ].join('\n');
    const parsed = parseJournalJson(lines, { maxMessageChars: 50 });
    expect(parsed.map((entry) => entry.message)).toEqual(['hi', '[message too large to show]', `${'x'.repeat(47)}...`]);
  });
});
