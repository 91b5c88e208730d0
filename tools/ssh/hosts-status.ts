/**
 * The status of every host at once: each host's figures are read in parallel, each with its own
 * deadline, so a host that is down is reported as down while the others answer in their own time.
 */
import { describeError } from '../../src/errors.js';
import { hostCommandFailure } from '../../src/toolkit/host-commands.js';
import type { SystemSnapshot } from '../system/types.js';

/** Any host's figures; the status needs no process list (see tools/ssh/remote-snapshot.ts). */
export interface StatusSource {
  latest(host: string, options?: { processes?: boolean; timeoutMs?: number }): Promise<SystemSnapshot>;
}

export interface HostStatus {
  host: string;
  up: boolean;
  /** Why it could not be read (one sentence), when it is down. */
  problem: string | null;
  cpuPercent: number | null;
  memoryPercent: number | null;
  load1: number | null;
  /** The fullest real filesystem. */
  fullestMount: string | null;
  fullestPercent: number | null;
  uptimeSeconds: number | null;
}

const pseudo = /^(tmpfs|devtmpfs|overlay|squashfs|proc|sysfs|cgroup2?|devpts|mqueue|nsfs|ramfs|efivarfs|fuse\..*)$/;

export async function readHostsStatus(options: {
  hosts: readonly string[];
  snapshots: StatusSource;
  timeoutMs: number;
}): Promise<HostStatus[]> {
  return Promise.all(options.hosts.map((host) => oneHost(host, options)));
}

async function oneHost(host: string, options: { snapshots: StatusSource; timeoutMs: number }): Promise<HostStatus> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${host} did not answer within ${options.timeoutMs / 1000} seconds.`)),
      options.timeoutMs,
    );
  });
  try {
    const snapshot = await Promise.race([
      options.snapshots.latest(host, { processes: false, timeoutMs: options.timeoutMs }),
      deadline,
    ]);
    const real = snapshot.filesystems.filter((filesystem) => !pseudo.test(filesystem.type));
    const fullest = [...real].sort((left, right) => right.usedPercent - left.usedPercent)[0];
    return {
      host,
      up: true,
      problem: null,
      cpuPercent: snapshot.cpu.totalPercent,
      memoryPercent: snapshot.memory.usedPercent,
      load1: snapshot.load.load1,
      fullestMount: fullest?.mount ?? null,
      fullestPercent: fullest?.usedPercent ?? null,
      uptimeSeconds: snapshot.uptimeSeconds,
    };
  } catch (error) {
    const failure = hostCommandFailure(error);
    return {
      host,
      up: false,
      // Never a library's own words ("Not connected"): one sentence a person can hear.
      problem: failure?.message ?? `${host} did not answer (${describeError(error).slice(0, 80)}).`,
      cpuPercent: null,
      memoryPercent: null,
      load1: null,
      fullestMount: null,
      fullestPercent: null,
      uptimeSeconds: null,
    };
  } finally {
    clearTimeout(timer);
  }
}
