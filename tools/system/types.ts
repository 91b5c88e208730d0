/** What the system tools return. The router speaks these; the brain reads them as JSON. */
export interface CpuSnapshot { totalPercent: number; perCore: number[] }
export interface MemorySnapshot {
  totalBytes: number; usedBytes: number; availableBytes: number; usedPercent: number;
  swapTotalBytes: number; swapUsedBytes: number; swapPercent: number;
}
export interface FilesystemUsage { mount: string; device: string; type: string; sizeBytes: number; usedBytes: number; usedPercent: number }
export interface TemperatureSnapshot { available: boolean; mainCelsius: number | null; maxCelsius: number | null; coresCelsius: number[] }
export interface LoadSnapshot { load1: number; load5: number; load15: number; cores: number }
export interface NetworkRate { iface: string; rxBytesPerSecond: number; txBytesPerSecond: number }
export interface ProcessInfo { pid: number; name: string; cpuPercent: number; memoryPercent: number; memoryBytes: number }
export interface SystemSnapshot {
  sampledAt: Date;
  hostname: string;
  cpu: CpuSnapshot;
  memory: MemorySnapshot;
  filesystems: FilesystemUsage[];
  temperature: TemperatureSnapshot;
  load: LoadSnapshot;
  uptimeSeconds: number;
  network: NetworkRate[];
  topByCpu: ProcessInfo[];
  topByMemory: ProcessInfo[];
}
