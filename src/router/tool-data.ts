/**
 * Reads a tool's `data` (typed by the tool, but `unknown` on the wire from the invoker) into the
 * shape the answer functions expect, or null when it is not that shape, so a changed tool gives a
 * clear sentence instead of "undefined".
 */
import type { FilesystemUsage, ProcessInfo, SystemSnapshot } from '../../tools/system/types.js';
import type {
  ContainerActionResult, ContainerDetails, ContainerLogs, ContainerSummary,
} from '../../tools/docker/types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An array, or an object carrying the array under `key` ({ filesystems: [...] }). */
function arrayIn(data: unknown, key: string): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (isRecord(data) && Array.isArray(data[key])) return data[key] as unknown[];
  return null;
}

export function readSnapshot(data: unknown): SystemSnapshot | null {
  if (!isRecord(data) || !isRecord(data.cpu) || !isRecord(data.memory) || !isRecord(data.load)) return null;
  if (!isRecord(data.temperature) || !Array.isArray(data.filesystems)) return null;
  return data as unknown as SystemSnapshot;
}

export function readFilesystems(data: unknown): FilesystemUsage[] | null {
  const list = arrayIn(data, 'filesystems');
  if (!list || !list.every((item) => isRecord(item) && typeof item.mount === 'string')) return null;
  return list as FilesystemUsage[];
}

export function readProcesses(data: unknown): ProcessInfo[] | null {
  const list = arrayIn(data, 'processes');
  if (!list || !list.every((item) => isRecord(item) && typeof item.name === 'string')) return null;
  return list as ProcessInfo[];
}

export function readContainers(data: unknown): ContainerSummary[] | null {
  const list = arrayIn(data, 'containers');
  if (!list || !list.every((item) => isRecord(item) && typeof item.name === 'string' && typeof item.state === 'string')) return null;
  return list as ContainerSummary[];
}

export function readDetails(data: unknown): ContainerDetails | null {
  if (!isRecord(data) || typeof data.name !== 'string' || typeof data.state !== 'string') return null;
  return { restartCount: 0, exitCode: null, lastHealthOutput: null, status: '', ...data } as ContainerDetails;
}

export function readLogs(data: unknown): ContainerLogs | null {
  if (!isRecord(data) || typeof data.name !== 'string' || !Array.isArray(data.stdout) || !Array.isArray(data.stderr)) return null;
  return data as unknown as ContainerLogs;
}

export function readActionResult(data: unknown): ContainerActionResult | null {
  if (!isRecord(data) || typeof data.name !== 'string' || typeof data.action !== 'string') return null;
  return data as unknown as ContainerActionResult;
}

/** forget_fact's { removed: n }: how many facts went. */
export function readRemovedCount(data: unknown): number | null {
  return isRecord(data) && typeof data.removed === 'number' ? data.removed : null;
}
