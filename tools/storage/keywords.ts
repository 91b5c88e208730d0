/** The storage area's keywords for the router's second tier (src/router/guess.ts). */
import type { IntentKeywords } from '../../src/router/area.js';

export const storageKeywords: Readonly<Record<string, IntentKeywords>> = {
  disk_health: {
    words: ['smart', 'smartctl', 'drives', 'ssd', 'hdd', 'nvme', 'failing', 'dying'],
    topic: 'the health of the drives',
  },
  pool_status: { words: ['zfs', 'zpool', 'pool', 'pools', 'scrub', 'degraded'], topic: 'the ZFS pools' },
  raid_status: { words: ['raid', 'mdadm', 'mdstat', 'array', 'arrays', 'degraded'], topic: 'the RAID arrays' },
};
