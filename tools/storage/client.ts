/**
 * The storage area's side effects: smartctl, zpool and /proc/mdstat on a host, through HostCommands only
 * (argv lists, never a shell string). A program that is not installed gives an `installed: false`
 * report whose message the answer says ("smartctl is not installed on nas"), never an error.
 * Device and pool names come from the host's own listing and are checked before they go into a command.
 */
import { ToolError } from '../../src/errors.js';
import { asToolError, notInstalled, spokenHost } from '../../src/toolkit/host-command-error.js';
import type { HostCommandResult, HostCommands } from '../../src/toolkit/host-commands.js';
import { parseMdstat } from './mdstat-output.js';
import { parseSmartDevice, parseSmartScan } from './smart-output.js';
import type { ArrayReport, PoolReport, SmartReport } from './types.js';
import { allPoolsHealthy, parsePoolStatus, parseZpoolList, poolName } from './zpool-output.js';

export interface StorageClientOptions {
  commands: HostCommands;
  /** Most drives read per host; default 16. */
  maxDrives?: number;
}

type Missing = { host: string; installed: false; program: string; message: string };

function firstLine(result: HostCommandResult): string {
  const line = result.stderr
    .split('\n')
    .find((text) => text.trim().length > 0)
    ?.trim();
  return (line ?? `exit code ${result.exitCode}`).replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 160);
}

export type StorageClient = ReturnType<typeof createStorageClient>;

export function createStorageClient(options: StorageClientOptions) {
  const { commands } = options;
  /** The result, or the not-installed report; any other failure is the ToolError the person hears. */
  const run = async (tool: string, host: string, argv: string[], timeoutMs = 30_000) => {
    try {
      return { result: await commands.run(host, argv, { timeoutMs }) };
    } catch (error) {
      const missing = notInstalled(error);
      if (missing)
        return { missing: { host, installed: false, program: missing.program, message: missing.message } as Missing };
      throw asToolError(tool, error);
    }
  };

  return {
    async smart(tool: string, host: string): Promise<SmartReport> {
      const scan = await run(tool, host, ['smartctl', '-j', '--scan']);
      if ('missing' in scan) return scan.missing!;
      const devices = parseSmartScan(scan.result.stdout);
      const limit = options.maxDrives ?? 16;
      const drives = await Promise.all(
        devices.slice(0, limit).map(async (device) => {
          // --nocheck=standby: a sleeping disk is not spun up for a health check.
          const argv = ['smartctl', '-j', '-i', '-H', '-A', '--nocheck=standby', '-d', device.type, device.name];
          const read = await run(tool, host, argv);
          return parseSmartDevice(device.name, 'missing' in read ? '' : read.result.stdout);
        }),
      );
      return { host, installed: true, drives, truncated: devices.length > limit };
    },

    async pools(tool: string, host: string): Promise<PoolReport> {
      const list = await run(tool, host, ['zpool', 'list', '-H', '-p', '-o', 'name,size,allocated,capacity,health']);
      if ('missing' in list) return list.missing!;
      if (list.result.exitCode !== 0) {
        if (/no pools available/i.test(list.result.stderr))
          return { host, installed: true, allHealthy: true, pools: [] };
        if (/modules are not loaded|\/dev\/zfs/i.test(list.result.stderr))
          throw new ToolError(tool, `ZFS is installed on ${spokenHost(host)} but its kernel module is not loaded.`);
        throw new ToolError(tool, `zpool list failed on ${spokenHost(host)}: ${firstLine(list.result)}.`);
      }
      const listed = parseZpoolList(list.result.stdout);
      const summary = await run(tool, host, ['zpool', 'status', '-x']);
      const allHealthy = 'result' in summary && allPoolsHealthy(summary.result!.stdout);
      const pools = await Promise.all(
        listed
          .filter((pool) => poolName.test(pool.name))
          .map(async (pool) => {
            const status = await run(tool, host, ['zpool', 'status', '-p', pool.name]);
            return parsePoolStatus(pool, 'result' in status ? status.result!.stdout : '');
          }),
      );
      return { host, installed: true, allHealthy, pools };
    },

    async arrays(tool: string, host: string): Promise<ArrayReport> {
      const read = await run(tool, host, ['cat', '/proc/mdstat']);
      if ('missing' in read) return { host, arrays: [] };
      if (read.result.exitCode !== 0) {
        // No md driver: the file does not exist. That is "no arrays".
        if (/No such file/i.test(read.result.stderr)) return { host, arrays: [] };
        throw new ToolError(tool, `I could not read /proc/mdstat on ${spokenHost(host)}: ${firstLine(read.result)}.`);
      }
      return { host, arrays: parseMdstat(read.result.stdout) };
    },
  };
}
