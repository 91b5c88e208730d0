/**
 * The storage tools, all `safe` (they only read), on any host: SMART health of every drive, ZFS pools
 * with their last scrub, and mdadm arrays. A program that is not installed on the host is an answer
 * ("smartctl is not installed on nas"), not an error.
 */
import { z } from 'zod';
import { defineTool } from '../../src/toolkit/tool.js';
import type { StorageClient } from './client.js';
import { arrayReport, poolReport, smartReport } from './types.js';

export type StorageTools = ReturnType<typeof storageTools>;

export function storageTools(client: StorageClient) {
  return {
    smart: defineTool({
      name: 'storage_smart_health',
      description:
        'SMART health of every drive on a host (smartctl): pass or fail, failing attributes named, temperatures.',
      risk: 'safe',
      input: z.object({}),
      describeCall: () => 'read the SMART health of the drives',
      execute: (_input, context) => client.smart('storage_smart_health', context.host),
      output: smartReport,
    }),
    pools: defineTool({
      name: 'storage_zfs_pools',
      description: 'ZFS pools on a host: health, devices that are not online, fullness, and when the last scrub ran.',
      risk: 'safe',
      input: z.object({}),
      describeCall: () => 'read the ZFS pools',
      execute: (_input, context) => client.pools('storage_zfs_pools', context.host),
      output: poolReport,
    }),
    arrays: defineTool({
      name: 'storage_md_arrays',
      description: 'Linux software RAID (mdadm) arrays on a host from /proc/mdstat: degraded or not, rebuild progress.',
      risk: 'safe',
      input: z.object({}),
      describeCall: () => 'read the software RAID arrays',
      execute: (_input, context) => client.arrays('storage_md_arrays', context.host),
      output: arrayReport,
    }),
  };
}
