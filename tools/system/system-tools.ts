/**
 * The system tools: every one reads the latest snapshot of the host the call is about (ToolContext.host):
 * this machine's from the background sampler, so answers never wait for a fresh sample once it is
 * primed; another host's through `snapshots` (tools/ssh/remote-snapshot.ts). All are `safe`.
 */
import { z } from 'zod';
import { ToolError } from '../../src/errors.js';
import { defineTool, type AnyTool, type ToolContext } from '../../src/toolkit/tool.js';
import { keptProcesses } from './collect-snapshot.js';
import type { SystemSampler } from './sampler.js';
import {
  cpuSnapshot,
  filesystemUsage,
  loadSnapshot,
  memorySnapshot,
  networkRate,
  processInfo,
  systemSnapshot,
  temperatureSnapshot,
  uptimeReport,
  type FilesystemUsage,
  type SystemSnapshot,
} from './types.js';

const pseudoFilesystems = new Set([
  'overlay',
  'tmpfs',
  'devtmpfs',
  'squashfs',
  'proc',
  'sysfs',
  'cgroup',
  'cgroup2',
  'devpts',
  'mqueue',
  'nsfs',
  'autofs',
  'ramfs',
  'efivarfs',
  'tracefs',
  'debugfs',
  'securityfs',
  'pstore',
  'bpf',
  'configfs',
  'hugetlbfs',
  'fusectl',
  'fuse.lxcfs',
]);

/** "root" or "/" -> "/", "data" -> "/data", "/mnt/media/" -> "/mnt/media". */
function normaliseMount(query: string): string {
  const trimmed = query.trim().toLowerCase().replace(/\/+$/, '');
  if (trimmed === '' || trimmed === 'root' || trimmed === 'slash') return '/';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Real filesystems, or the one asked for (pseudo ones included when named). */
export function selectFilesystems(filesystems: FilesystemUsage[], mount?: string): FilesystemUsage[] {
  if (mount === undefined) return filesystems.filter((entry) => !pseudoFilesystems.has(entry.type));
  const wanted = normaliseMount(mount);
  const exact = filesystems.filter((entry) => entry.mount.toLowerCase() === wanted);
  if (exact.length > 0) return exact.slice(0, 1);
  const lastSegment = wanted.split('/').at(-1)!;
  const byName = filesystems.filter(
    (entry) => entry.mount.toLowerCase().split('/').at(-1) === lastSegment && !pseudoFilesystems.has(entry.type),
  );
  if (byName.length > 0) return byName;
  const mounts = filesystems.filter((entry) => !pseudoFilesystems.has(entry.type)).map((entry) => entry.mount);
  throw new ToolError('disk_usage', `Nothing is mounted at ${wanted.slice(0, 80)}. Mounts: ${mounts.join(', ')}.`);
}

/** The system tools by role, each with its output schema (the system area's answers read them). */
export type SystemTools = ReturnType<typeof systemTools>;

/** Any host's latest snapshot; without one, only this machine's (the host registry refuses the others first). */
export interface SnapshotSource {
  latest(host: string): Promise<SystemSnapshot>;
}

export function systemTools(sampler: Pick<SystemSampler, 'latest'>, snapshots?: SnapshotSource) {
  const noInput = z.object({});
  const latest = (context: ToolContext) => (snapshots ? snapshots.latest(context.host) : sampler.latest());
  const snapshotTool = <O>(
    name: string,
    description: string,
    output: z.ZodType<O>,
    pick: (snapshot: SystemSnapshot) => O,
  ) =>
    defineTool({
      name,
      description,
      risk: 'safe',
      input: noInput,
      describeCall: () => name.replace(/_/g, ' '),
      execute: async (_input, context) => pick(await latest(context)),
      output,
    });
  return {
    systemStatus: snapshotTool(
      'system_status',
      'Overview of a server (this one unless host names another): CPU, memory, disks, temperature, load, uptime, network, top processes.',
      systemSnapshot,
      (s) => s,
    ),
    cpu: snapshotTool('cpu_usage', 'CPU use in percent, in total and per core.', cpuSnapshot, (s) => s.cpu),
    memory: snapshotTool('memory_usage', 'Memory and swap use.', memorySnapshot, (s) => s.memory),
    temperatures: snapshotTool(
      'temperatures',
      'CPU temperatures, where the machine has sensors.',
      temperatureSnapshot,
      (s) => s.temperature,
    ),
    load: snapshotTool(
      'load_average',
      'Load average over 1, 5 and 15 minutes, and the number of cores.',
      loadSnapshot,
      (s) => s.load,
    ),
    uptime: snapshotTool('uptime', 'How long this server has been up.', uptimeReport, (s) => ({
      hostname: s.hostname,
      uptimeSeconds: s.uptimeSeconds,
    })),
    network: snapshotTool(
      'network_throughput',
      'Network receive and send rates per interface, in bytes per second.',
      z.array(networkRate),
      (s) => s.network,
    ),
    diskUsage: defineTool({
      name: 'disk_usage',
      description: 'Disk use per filesystem; give a mount point ("/", "data") for one.',
      risk: 'safe',
      input: z.object({ mount: z.string().min(1).max(256).optional().describe('Mount point, e.g. "/" or "/data"') }),
      describeCall: (input) =>
        input.mount ? `disk usage of ${normaliseMount(input.mount).slice(0, 80)}` : 'disk usage',
      execute: async (input, context) => selectFilesystems((await latest(context)).filesystems, input.mount),
      output: z.array(filesystemUsage),
    }),
    topProcesses: defineTool({
      name: 'top_processes',
      description: 'The processes using the most CPU or memory.',
      risk: 'safe',
      input: z.object({ by: z.enum(['cpu', 'memory']), limit: z.number().int().min(1).max(keptProcesses).default(5) }),
      describeCall: (input) => `top processes by ${input.by}`,
      execute: async (input, context) => {
        const snapshot = await latest(context);
        return (input.by === 'cpu' ? snapshot.topByCpu : snapshot.topByMemory).slice(0, input.limit);
      },
      output: z.array(processInfo),
    }),
  };
}

export function createSystemTools(sampler: SystemSampler, snapshots?: SnapshotSource): AnyTool[] {
  return Object.values(systemTools(sampler, snapshots));
}
