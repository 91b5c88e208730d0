/** What the Docker tools return. Never container env. */
export type ContainerState = 'running' | 'exited' | 'restarting' | 'paused' | 'created' | 'dead' | 'removing';
export type ContainerHealth = 'healthy' | 'unhealthy' | 'starting' | 'none';
export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  /** Docker's own phrase: "Up 3 minutes (healthy)". */
  status: string;
  health: ContainerHealth;
}
export interface ContainerDetails extends ContainerSummary {
  restartCount: number;
  startedAt: string | null;
  exitCode: number | null;
  ports: string[];
  /** Output of the last health check, redacted and cut. */
  lastHealthOutput: string | null;
}
export interface ContainerLogs { name: string; stdout: string[]; stderr: string[]; truncated: boolean }
export interface ContainerStats { name: string; cpuPercent: number; memoryBytes: number; memoryLimitBytes: number; memoryPercent: number }
export interface ContainerActionResult { name: string; action: 'restart' | 'start' | 'stop'; state: ContainerState }
export type LogStream = 'both' | 'stdout' | 'stderr';
export type ContainerAction = ContainerActionResult['action'];
