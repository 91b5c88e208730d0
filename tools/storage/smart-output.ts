/**
 * Reads `smartctl -j` (smartmontools 7.x JSON output). `--scan -j` lists devices ({name, type}); `-j -i -H
 * -A -d <type> <device>` gives smart_status.passed, the ATA attribute table (a failing attribute has
 * when_failed "now", one that failed before "past"), or the NVMe health log (critical_warning bits), and
 * temperature.current. smartctl's exit status is a bit mask (smartctl(8) "RETURN VALUES"): bits 0-2 mean
 * it could not read the drive, bit 3 that the drive says it is failing; so a non-zero exit is not an error
 * by itself and the JSON is read whatever the exit code.
 */
import type { DriveHealth } from './types.js';

export interface ScannedDevice {
  name: string;
  type: string;
}

/** Device names and types as smartctl may be given them back: nothing a shell or an option could misread. */
const deviceName = /^\/dev\/[A-Za-z0-9][A-Za-z0-9/_.:-]*$/;
const deviceType = /^[a-z0-9][a-z0-9,+_-]*$/;

function parseObject(stdout: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(stdout);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The devices of `smartctl --scan -j`; none when it found none (no "devices" key) or the output is not JSON. */
export function parseSmartScan(stdout: string): ScannedDevice[] {
  const devices = parseObject(stdout)?.devices;
  if (!Array.isArray(devices)) return [];
  return devices.flatMap((device) => {
    const { name, type } = record(device);
    return typeof name === 'string' && typeof type === 'string' && deviceName.test(name) && deviceType.test(type)
      ? [{ name, type }]
      : [];
  });
}

/** NVMe critical_warning bits (NVMe base specification, SMART / Health Information log). */
const nvmeWarnings = [
  'spare capacity below threshold',
  'temperature out of range',
  'reliability degraded',
  'read-only mode',
  'volatile memory backup failed',
  'persistent memory region read-only',
];

function smartctlMessage(json: Record<string, unknown>): string | null {
  const messages = record(json.smartctl).messages;
  if (!Array.isArray(messages)) return null;
  const text = messages.map((message) => record(message).string).find((value) => typeof value === 'string');
  return typeof text === 'string' ? text.slice(0, 160) : null;
}

function ataAttributes(json: Record<string, unknown>): { failing: string[]; failedBefore: string[] } {
  const table = record(json.ata_smart_attributes).table;
  const failing: string[] = [];
  const failedBefore: string[] = [];
  if (!Array.isArray(table)) return { failing, failedBefore };
  for (const row of table.map(record)) {
    const name = typeof row.name === 'string' ? row.name : `attribute ${String(row.id)}`;
    if (row.when_failed === 'now') failing.push(name);
    else if (row.when_failed === 'past') failedBefore.push(name);
  }
  return { failing, failedBefore };
}

function nvmeProblems(json: Record<string, unknown>): string[] {
  const log = record(json.nvme_smart_health_information_log);
  const problems: string[] = [];
  const warning = typeof log.critical_warning === 'number' ? log.critical_warning : 0;
  nvmeWarnings.forEach((text, bit) => {
    if (warning & (1 << bit)) problems.push(text);
  });
  if (typeof log.media_errors === 'number' && log.media_errors > 0) problems.push(`${log.media_errors} media errors`);
  if (typeof log.percentage_used === 'number' && log.percentage_used >= 100)
    problems.push('worn out (100 percent used)');
  return problems;
}

/** One drive's health from `smartctl -j -i -H -A`. */
export function parseSmartDevice(device: string, stdout: string): DriveHealth {
  const json = parseObject(stdout);
  if (!json)
    return {
      device,
      model: null,
      passed: null,
      failing: [],
      failedBefore: [],
      temperatureCelsius: null,
      problem: 'smartctl gave no readable output',
    };
  const exitStatus = Number(record(json.smartctl).exit_status ?? 0);
  const passedValue = record(json.smart_status).passed;
  const passed = typeof passedValue === 'boolean' ? passedValue : null;
  const attributes = ataAttributes(json);
  const temperature = record(json.temperature).current;
  const nvmeTemperature = record(json.nvme_smart_health_information_log).temperature;
  const model = [json.model_name, json.scsi_model_name, json.model_family].find((value) => typeof value === 'string');
  const unreadable = (exitStatus & 0b11) !== 0 || (passed === null && attributes.failing.length === 0);
  return {
    device,
    model: typeof model === 'string' ? model.slice(0, 80) : null,
    passed,
    failing: [...attributes.failing, ...nvmeProblems(json)],
    failedBefore: attributes.failedBefore,
    temperatureCelsius:
      typeof temperature === 'number' ? temperature : typeof nvmeTemperature === 'number' ? nvmeTemperature : null,
    problem: unreadable ? (smartctlMessage(json) ?? 'smartctl could not read its health') : null,
  };
}

/** Whether a drive needs attention now: it says it is failing, or an attribute or NVMe warning is failing. */
export function isFailing(drive: DriveHealth): boolean {
  return drive.passed === false || drive.failing.length > 0;
}
