import type { SystemSnapshot } from '../../tools/system/types.js';
import type { ContainerSummary } from '../../tools/docker/types.js';

const gigabyte = 1024 ** 3;

export function snapshotFixture(overrides: Partial<SystemSnapshot> = {}): SystemSnapshot {
  return {
    sampledAt: new Date('2026-01-01T00:00:00Z'),
    hostname: 'box',
    cpu: { totalPercent: 12.3, perCore: [10, 14.6] },
    memory: {
      totalBytes: 24 * gigabyte,
      usedBytes: 9.8 * gigabyte,
      availableBytes: 14.2 * gigabyte,
      usedPercent: 40.8,
      swapTotalBytes: 2 * gigabyte,
      swapUsedBytes: 0,
      swapPercent: 0,
    },
    filesystems: [
      {
        mount: '/',
        device: '/dev/sda1',
        type: 'ext4',
        sizeBytes: 128 * gigabyte,
        usedBytes: 48 * gigabyte,
        usedPercent: 37.4,
      },
      {
        mount: '/data',
        device: '/dev/sdb1',
        type: 'ext4',
        sizeBytes: 1000 * gigabyte,
        usedBytes: 950 * gigabyte,
        usedPercent: 95,
      },
    ],
    temperature: { available: true, mainCelsius: 47.6, maxCelsius: 55.2, coresCelsius: [47, 48] },
    load: { load1: 0.42, load5: 0.3, load15: 0.21, cores: 2 },
    uptimeSeconds: 3 * 86_400 + 4 * 3600 + 120,
    network: [],
    topByCpu: [],
    topByMemory: [],
    ...overrides,
  };
}

export function containerFixture(
  name: string,
  state: ContainerSummary['state'],
  health: ContainerSummary['health'],
  status = '',
): ContainerSummary {
  return { id: name.slice(0, 4), name, image: 'busybox', state, health, status };
}

export const healthyContainers: ContainerSummary[] = [
  containerFixture('plex-server', 'running', 'healthy', 'Up 3 hours (healthy)'),
  containerFixture('web-healthy', 'running', 'healthy', 'Up 3 hours (healthy)'),
  containerFixture('nextcloud', 'running', 'none', 'Up 3 hours'),
];

export const troubledContainers: ContainerSummary[] = [
  ...healthyContainers,
  containerFixture('db-unhealthy', 'running', 'unhealthy', 'Up 3 hours (unhealthy)'),
  containerFixture('job-exited', 'exited', 'none', 'Exited (3) 2 hours ago'),
];
