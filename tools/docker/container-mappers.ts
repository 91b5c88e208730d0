/**
 * Pure mappings from the Docker Engine API's JSON to sysvox's container types. Env and labels are
 * never copied. Kept apart from client.ts so they can be read and tested without an engine.
 */
import type Docker from 'dockerode';
import type { ContainerDetails, ContainerHealth, ContainerState, ContainerStats, ContainerSummary } from './types.js';

function nameOf(names: readonly string[] | undefined, id: string): string {
  const first = names?.[0];
  return first ? first.replace(/^\//, '') : id.slice(0, 12);
}

function healthFromStatus(status: string): ContainerHealth {
  if (status.includes('(unhealthy)')) return 'unhealthy';
  if (status.includes('(healthy)')) return 'healthy';
  if (status.includes('(health: starting)')) return 'starting';
  return 'none';
}

export function toSummary(info: Docker.ContainerInfo): ContainerSummary {
  return {
    id: info.Id.slice(0, 12),
    name: nameOf(info.Names, info.Id),
    image: info.Image,
    state: info.State as ContainerState,
    status: info.Status,
    health: healthFromStatus(info.Status),
  };
}

/** Unhealthy, restarting, dead, or exited with a non-zero code. */
export function isProblem(summary: ContainerSummary): boolean {
  if (summary.health === 'unhealthy') return true;
  if (summary.state === 'restarting' || summary.state === 'dead') return true;
  if (summary.state === 'exited') return exitCodeFromStatus(summary.status) !== 0;
  return false;
}

function exitCodeFromStatus(status: string): number | null {
  const match = /^Exited \((-?\d+)\)/.exec(status);
  return match ? Number(match[1]) : null;
}

export function toDetails(inspect: Docker.ContainerInspectInfo): ContainerDetails {
  const state = inspect.State;
  const health = state.Health;
  const lastLog = health?.Log?.at(-1);
  const status = describeState(inspect);
  return {
    id: inspect.Id.slice(0, 12),
    name: inspect.Name.replace(/^\//, ''),
    image: inspect.Config.Image,
    state: state.Status as ContainerState,
    status,
    health: (health?.Status as ContainerHealth | undefined) ?? 'none',
    restartCount: inspect.RestartCount,
    startedAt: state.StartedAt && !state.StartedAt.startsWith('0001') ? state.StartedAt : null,
    exitCode: state.Running ? null : state.ExitCode,
    ports: portsOf(inspect),
    lastHealthOutput: lastLog ? lastLog.Output.trim().slice(0, 500) : null,
  };
}

function describeState(inspect: Docker.ContainerInspectInfo): string {
  const state = inspect.State;
  if (state.Restarting) return `Restarting (${state.ExitCode})`;
  if (state.Running) return state.Health ? `Up (${state.Health.Status})` : 'Up';
  return `${state.Status} (${state.ExitCode})`;
}

function portsOf(inspect: Docker.ContainerInspectInfo): string[] {
  const ports: Record<string, Array<{ HostIp: string; HostPort: string }> | null> =
    inspect.NetworkSettings?.Ports ?? {};
  const exposed = Object.keys(inspect.Config.ExposedPorts ?? {});
  const result = new Set<string>();
  for (const [containerPort, bindings] of Object.entries(ports)) {
    if (!bindings || bindings.length === 0) result.add(containerPort);
    for (const binding of bindings ?? [])
      result.add(`${binding.HostIp || '0.0.0.0'}:${binding.HostPort} -> ${containerPort}`);
  }
  for (const port of exposed) if (![...result].some((entry) => entry.endsWith(port))) result.add(port);
  return [...result];
}

/**
 * CPU percent as `docker stats` computes it: container delta over system delta, times online CPUs. null when
 * the engine gave no CPU figures: the container stopped between the listing and the stats call.
 */
export function toStats(name: string, stats: Docker.ContainerStats): ContainerStats | null {
  if (!stats.cpu_stats?.cpu_usage || !stats.memory_stats) return null;
  const cpuDelta = stats.cpu_stats.cpu_usage.total_usage - (stats.precpu_stats?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (stats.cpu_stats.system_cpu_usage ?? 0) - (stats.precpu_stats?.system_cpu_usage ?? 0);
  const onlineCpus = stats.cpu_stats.online_cpus || stats.cpu_stats.cpu_usage.percpu_usage?.length || 1;
  const cpuPercent = cpuDelta > 0 && systemDelta > 0 ? (cpuDelta / systemDelta) * onlineCpus * 100 : 0;
  const memory = stats.memory_stats;
  const memoryStats = (memory.stats ?? {}) as unknown as Record<string, number | undefined>;
  const cache = memoryStats.total_inactive_file ?? memoryStats.inactive_file ?? 0;
  const memoryBytes = Math.max(0, (memory.usage ?? 0) - cache);
  const memoryLimitBytes = memory.limit ?? 0;
  return {
    name,
    cpuPercent: round(cpuPercent),
    memoryBytes,
    memoryLimitBytes,
    memoryPercent: memoryLimitBytes > 0 ? round((memoryBytes / memoryLimitBytes) * 100) : 0,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
