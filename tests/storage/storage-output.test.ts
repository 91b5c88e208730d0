/**
 * The smartctl, zpool and /proc/mdstat parsers on recorded output (tests/storage/fixtures/README.md says
 * where each file comes from), and what the answers say about them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arraysAnswer, poolsAnswer, smartAnswer } from '../../tools/storage/answers.js';
import { parseMdstat } from '../../tools/storage/mdstat-output.js';
import { isFailing, parseSmartDevice, parseSmartScan } from '../../tools/storage/smart-output.js';
import { allPoolsHealthy, parsePoolStatus, parseZpoolList } from '../../tools/storage/zpool-output.js';
import { fixtures } from './storage-stand-ins.js';

const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const now = new Date('2026-12-02T17:00:00Z');

describe('smartctl -j', () => {
  it('finds no drives in the real scan of this VM, and the three of the recorded scan with their types', () => {
    expect(parseSmartScan(read('smartctl-scan-none-this-vm.json'))).toEqual([]);
    expect(parseSmartScan(read('smartctl-scan-three-drives.json'))).toEqual([
      { name: '/dev/sda', type: 'sat' },
      { name: '/dev/sdb', type: 'sat' },
      { name: '/dev/nvme0', type: 'nvme' },
    ]);
  });

  it('refuses device names and types from the scan that could be read as an option or shell text', () => {
    const hostile = JSON.stringify({
      devices: [
        { name: '/dev/sda; reboot', type: 'sat' },
        { name: '-d', type: 'sat' },
        { name: '/dev/sdb', type: 'sat $(id)' },
        { name: '/dev/sdc', type: 'sat' },
      ],
    });
    expect(parseSmartScan(hostile)).toEqual([{ name: '/dev/sdc', type: 'sat' }]);
  });

  it('names the failing attribute, the one that failed before, and each temperature', () => {
    const failing = parseSmartDevice('/dev/sdb', read('smartctl-sdb-failing.json'));
    expect(failing).toMatchObject({
      passed: false,
      failing: ['Reallocated_Sector_Ct'],
      failedBefore: ['Airflow_Temperature_Cel'],
      temperatureCelsius: 41,
      problem: null,
    });
    expect(isFailing(failing)).toBe(true);
    const healthy = parseSmartDevice('/dev/sda', read('smartctl-sda-healthy.json'));
    expect(healthy).toMatchObject({ passed: true, failing: [], temperatureCelsius: 34, model: 'WDC WD40EFRX-68N32N0' });
    expect(isFailing(healthy)).toBe(false);
  });

  it('reads the NVMe health log: critical warnings named, media errors counted', () => {
    const nvme = parseSmartDevice('/dev/nvme0', read('smartctl-nvme0-critical-warning.json'));
    expect(nvme.failing).toEqual(['spare capacity below threshold', 'reliability degraded', '3 media errors']);
    expect(nvme.temperatureCelsius).toBe(38);
    expect(parseSmartDevice('/dev/nvme0', read('smartctl-nvme0-healthy.json')).failing).toEqual([]);
  });

  it('says why a drive could not be read (the real answer of this VM), not that it failed', () => {
    const drive = parseSmartDevice('/dev/vda', read('smartctl-unknown-device-this-vm.json'));
    expect(drive).toMatchObject({ passed: null, problem: '/dev/vda: Unable to detect device type' });
    expect(isFailing(drive)).toBe(false);
  });

  it('is said with the failing drive and attribute named, and every temperature', () => {
    const drives = [
      parseSmartDevice('/dev/sda', read('smartctl-sda-healthy.json')),
      parseSmartDevice('/dev/sdb', read('smartctl-sdb-failing.json')),
      parseSmartDevice('/dev/nvme0', read('smartctl-nvme0-healthy.json')),
    ];
    expect(smartAnswer({ host: 'local', installed: true, drives, truncated: false })).toBe(
      'sdb is failing SMART: Reallocated Sector Ct. 2 other drives pass. Temperatures in degrees: sda 34, sdb 41 and nvme0 38.',
    );
  });
});

describe('zpool', () => {
  const listed = parseZpoolList(read('zpool-list.txt'));

  it('reads zpool list -H -p', () => {
    expect(listed).toEqual([
      {
        name: 'tank',
        health: 'DEGRADED',
        sizeBytes: 7971459301376,
        allocatedBytes: 5581021904896,
        capacityPercent: 70,
      },
      {
        name: 'backup',
        health: 'ONLINE',
        sizeBytes: 3985729650688,
        allocatedBytes: 1195718895206,
        capacityPercent: 30,
      },
    ]);
    expect(allPoolsHealthy(read('zpool-status-x-healthy.txt'))).toBe(true);
    expect(allPoolsHealthy(read('zpool-status-tank-degraded.txt'))).toBe(false);
  });

  it('names the device that is not online and reads when the last scrub ended', () => {
    const tank = parsePoolStatus(listed[0]!, read('zpool-status-tank-degraded.txt'));
    expect(tank.health).toBe('DEGRADED');
    expect(tank.problemDevices).toEqual([
      { name: 'raidz1-0', state: 'DEGRADED' },
      { name: '1234567890123456789', state: 'UNAVAIL' },
    ]);
    expect(tank.scrub).toEqual({ kind: 'scrub', inProgress: false, finishedAt: '2026-11-08T05:36:45.000Z', errors: 0 });
    expect(tank.errors).toBe('No known data errors');
  });

  it('reads a running scrub, a pool never scrubbed, and says so', () => {
    const running = parsePoolStatus(listed[1]!, read('zpool-status-scrub-in-progress.txt'));
    expect(running.scrub).toMatchObject({ kind: 'scrub', inProgress: true, finishedAt: null });
    const never = parsePoolStatus({ ...listed[1]!, name: 'scratch' }, read('zpool-status-never-scrubbed.txt'));
    expect(never.scrub.kind).toBe('none');
    const old = parsePoolStatus(listed[1]!, read('zpool-status-backup-old-scrub.txt'));
    const tank = parsePoolStatus(listed[0]!, read('zpool-status-tank-degraded.txt'));
    expect(
      poolsAnswer({ host: 'local', installed: true, allHealthy: false, pools: [tank, old] }, now, 'degraded'),
    ).toBe(
      'Yes. Pool tank is degraded: raidz1-0 is degraded and 1234567890123456789 is unavail; its last scrub finished 24 days ago. Pool backup is healthy, 30 percent full; its last scrub finished 52 days ago.',
    );
  });
});

describe('/proc/mdstat', () => {
  it('finds the degraded arrays, the failed member and the rebuild', () => {
    const arrays = parseMdstat(read('mdstat-degraded-rebuilding.txt'));
    expect(arrays.map((array) => [array.name, array.level, array.degraded, array.active])).toEqual([
      ['md1', 'raid1', true, true],
      ['md0', 'raid1', true, true],
      ['md2', 'raid5', false, true],
      ['md3', 'raid0', false, true],
      ['md127', 'unknown', false, false],
    ]);
    expect(arrays[0]!.sync).toEqual({ kind: 'recovery', percent: 8.5 });
    expect(arrays[1]!.failedDevices).toEqual(['sdb1']);
    expect(arraysAnswer({ host: 'nas', arrays: arrays.slice(0, 2) }, 'degraded')).toBe(
      'Yes. md1 (raid1) is degraded, 1 of 2 devices working, recovery at 8.5 percent. md0 (raid1) is degraded, 1 of 2 devices working, sdb1 failed.',
    );
    expect(parseMdstat(read('mdstat-healthy.txt'))).toMatchObject([
      { name: 'md0', degraded: false, wanted: 2, working: 2 },
    ]);
  });
});
