/**
 * What the Docker tools return, as schemas (each tool's `output`) with the types taken from them, so the
 * router reads a result through the same definition the tool is typed by. Never container env.
 */
import { z } from 'zod';

export const containerState = z.enum(['running', 'exited', 'restarting', 'paused', 'created', 'dead', 'removing']);
export const containerHealth = z.enum(['healthy', 'unhealthy', 'starting', 'none']);

export const containerSummary = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  state: containerState,
  /** Docker's own phrase: "Up 3 minutes (healthy)". */
  status: z.string(),
  health: containerHealth,
});

export const containerDetails = containerSummary.extend({
  restartCount: z.number(),
  startedAt: z.string().nullable(),
  exitCode: z.number().nullable(),
  ports: z.array(z.string()),
  /** Output of the last health check, redacted and cut. */
  lastHealthOutput: z.string().nullable(),
});

export const containerLogs = z.object({
  name: z.string(),
  stdout: z.array(z.string()),
  stderr: z.array(z.string()),
  truncated: z.boolean(),
});

export const containerStats = z.object({
  name: z.string(),
  cpuPercent: z.number(),
  memoryBytes: z.number(),
  memoryLimitBytes: z.number(),
  memoryPercent: z.number(),
});

export const containerActionResult = z.object({
  name: z.string(),
  action: z.enum(['restart', 'start', 'stop']),
  state: containerState,
});

export type ContainerState = z.infer<typeof containerState>;
export type ContainerHealth = z.infer<typeof containerHealth>;
export type ContainerSummary = z.infer<typeof containerSummary>;
export type ContainerDetails = z.infer<typeof containerDetails>;
export type ContainerLogs = z.infer<typeof containerLogs>;
export type ContainerStats = z.infer<typeof containerStats>;
export type ContainerActionResult = z.infer<typeof containerActionResult>;
export type LogStream = 'both' | 'stdout' | 'stderr';
export type ContainerAction = ContainerActionResult['action'];
