/**
 * What the system tools return, as schemas (each tool's `output`) with the types taken from them. The
 * router reads results through these; the brain reads them as JSON.
 */
import { z } from 'zod';

/** A measured figure: a number, NaN included (the answers say "an unknown percentage" rather than fail). */
const figure = z.number().or(z.nan());

export const cpuSnapshot = z.object({ totalPercent: figure, perCore: z.array(figure) });
export const memorySnapshot = z.object({
  totalBytes: figure,
  usedBytes: figure,
  availableBytes: figure,
  usedPercent: figure,
  swapTotalBytes: figure,
  swapUsedBytes: figure,
  swapPercent: figure,
});
export const filesystemUsage = z.object({
  mount: z.string(),
  device: z.string(),
  type: z.string(),
  sizeBytes: figure,
  usedBytes: figure,
  usedPercent: figure,
});
export const temperatureSnapshot = z.object({
  available: z.boolean(),
  mainCelsius: figure.nullable(),
  maxCelsius: figure.nullable(),
  coresCelsius: z.array(figure),
});
export const loadSnapshot = z.object({ load1: figure, load5: figure, load15: figure, cores: figure });
export const networkRate = z.object({ iface: z.string(), rxBytesPerSecond: figure, txBytesPerSecond: figure });
export const processInfo = z.object({
  pid: z.number(),
  name: z.string(),
  cpuPercent: figure,
  memoryPercent: figure,
  memoryBytes: figure,
});
export const uptimeReport = z.object({ hostname: z.string(), uptimeSeconds: figure });
export const systemSnapshot = z.object({
  sampledAt: z.date(),
  hostname: z.string(),
  cpu: cpuSnapshot,
  memory: memorySnapshot,
  filesystems: z.array(filesystemUsage),
  temperature: temperatureSnapshot,
  load: loadSnapshot,
  uptimeSeconds: figure,
  network: z.array(networkRate),
  topByCpu: z.array(processInfo),
  topByMemory: z.array(processInfo),
});

export type CpuSnapshot = z.infer<typeof cpuSnapshot>;
export type MemorySnapshot = z.infer<typeof memorySnapshot>;
export type FilesystemUsage = z.infer<typeof filesystemUsage>;
export type TemperatureSnapshot = z.infer<typeof temperatureSnapshot>;
export type LoadSnapshot = z.infer<typeof loadSnapshot>;
export type NetworkRate = z.infer<typeof networkRate>;
export type ProcessInfo = z.infer<typeof processInfo>;
export type UptimeReport = z.infer<typeof uptimeReport>;
export type SystemSnapshot = z.infer<typeof systemSnapshot>;
