/** The words people hear for a group: joined sensibly, short for long lists, one or two sentences. */
import { describe, expect, it } from 'vitest';
import { noticeText } from '../../src/alerts/notice-text.js';
import type { AlertRecord } from '../../src/memory/alerts.js';

function alert(target: string, fields: Partial<AlertRecord> = {}): AlertRecord {
  return {
    target,
    rule: 'container-exited',
    host: 'local',
    severity: 'warning',
    summary: `${target} has exited`,
    recovery: `${target} is running again`,
    ...fields,
  } as AlertRecord;
}

describe('notice text', () => {
  it('says a group whose summaries share their words once, with the verb made plural and the host named', () => {
    expect(noticeText({ kind: 'firing', firing: [alert('a'), alert('b')], recovered: [] })).toBe(
      'Warning: 2 containers have exited: a and b.',
    );
    const onNas = ['a', 'b', 'c'].map((name) =>
      alert(name, { host: 'nas', severity: name === 'c' ? 'critical' : 'warning' }),
    );
    expect(noticeText({ kind: 'repeat', firing: onNas, recovered: [] })).toBe(
      'Reminder. Critical: 3 containers on nas have exited: a, b and c.',
    );
  });

  it('names things without a noun when it knows none, and lists different sentences with "and N more"', () => {
    const temperature = (target: string, summary: string) => alert(target, { rule: 'temperature', summary });
    expect(
      noticeText({
        kind: 'firing',
        firing: [temperature('cpu', 'cpu is at 91 degrees'), temperature('nvme0', 'nvme0 is at 91 degrees')],
        recovered: [],
      }),
    ).toBe('Warning: cpu and nvme0 are at 91 degrees.');
    const disks = ['/a', '/b', '/c', '/d', '/e'].map((mount, index) =>
      alert(mount, { rule: 'disk', summary: `the disk on ${mount} is ${91 + index} percent full` }),
    );
    expect(noticeText({ kind: 'firing', firing: disks, recovered: [] })).toBe(
      'Warning: the disk on /a is 91 percent full; the disk on /b is 92 percent full; the disk on /c is 93 percent full; and 2 more.',
    );
    expect(noticeText({ kind: 'firing', firing: disks.slice(0, 2), recovered: [] })).toBe(
      'Warning: the disk on /a is 91 percent full and the disk on /b is 92 percent full.',
    );
  });

  it('puts a new problem and a recovery of the same group in one notice of two sentences', () => {
    expect(noticeText({ kind: 'firing', firing: [alert('plex')], recovered: [alert('nextcloud')] })).toBe(
      'Warning: plex has exited. Resolved: nextcloud is running again.',
    );
  });
});
