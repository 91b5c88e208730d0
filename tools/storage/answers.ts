/**
 * What the storage area says. Device, pool and attribute names come from the host: they pass through
 * speakable() before they are said.
 */
import { capitalise, countOf, joinSpoken, speakable, spokenNumber } from '../../src/router/speech-format.js';
import { spokenHost } from '../../src/toolkit/host-command-error.js';
import { isFailing } from './smart-output.js';
import type { ArrayReport, DriveHealth, PoolHealth, PoolReport, SmartReport } from './types.js';

const drive = (health: DriveHealth) => speakable(health.device.replace(/^\/dev\//, ''), 40);
const attribute = (name: string) => speakable(name.replace(/_/g, ' '), 60);

function temperatures(drives: readonly DriveHealth[]): string {
  const known = drives.filter((health) => health.temperatureCelsius !== null);
  if (known.length === 0) return '';
  const said = known.map((health) => `${drive(health)} ${spokenNumber(health.temperatureCelsius!)}`);
  return ` Temperatures in degrees: ${joinSpoken(said)}.`;
}

export function smartAnswer(report: SmartReport): string {
  if (!report.installed) return report.message;
  const where = spokenHost(report.host);
  if (report.drives.length === 0) return `smartctl found no drives on ${where}.`;
  const failing = report.drives.filter(isFailing);
  const unreadable = report.drives.filter((health) => !isFailing(health) && health.problem !== null);
  const passing = report.drives.length - failing.length - unreadable.length;
  const parts: string[] = [];
  for (const health of failing) {
    const named = health.failing.length > 0 ? `: ${joinSpoken(health.failing.slice(0, 3).map(attribute))}` : '';
    parts.push(`${drive(health)} is failing SMART${named}.`);
  }
  if (unreadable.length > 0)
    parts.push(`I could not read ${joinSpoken(unreadable.map(drive))}: ${speakable(unreadable[0]!.problem!, 100)}.`);
  if (failing.length === 0 && unreadable.length === 0)
    parts.push(`All ${countOf(report.drives.length, 'drive')} on ${where} pass SMART.`);
  else if (passing > 0) parts.push(`${capitalise(countOf(passing, 'other drive'))} pass.`);
  const earlier = report.drives.filter((health) => !isFailing(health) && health.failedBefore.length > 0);
  for (const health of earlier)
    parts.push(`${drive(health)} had ${attribute(health.failedBefore[0]!)} below its threshold before.`);
  return parts.join(' ') + temperatures(report.drives);
}

function scrubAge(pool: PoolHealth, now: Date): string {
  if (pool.scrub.inProgress) return `a ${pool.scrub.kind} is running`;
  if (pool.scrub.kind === 'none') return 'it has never been scrubbed';
  if (!pool.scrub.finishedAt) return 'I could not read when it was last scrubbed';
  const days = Math.floor((now.getTime() - Date.parse(pool.scrub.finishedAt)) / 86_400_000);
  const when = days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
  const errors = pool.scrub.errors ? ` and found ${countOf(pool.scrub.errors, 'error')}` : '';
  return `its last ${pool.scrub.kind} finished ${when}${errors}`;
}

function poolSentence(pool: PoolHealth, now: Date): string {
  const name = speakable(pool.name, 40);
  const full = pool.capacityPercent !== null ? `, ${spokenNumber(pool.capacityPercent)} percent full` : '';
  if (pool.health === 'ONLINE') return `Pool ${name} is healthy${full}; ${scrubAge(pool, now)}.`;
  const devices = pool.problemDevices
    .slice(0, 3)
    .map((device) => `${speakable(device.name, 40)} is ${device.state.toLowerCase()}`);
  const detail = devices.length > 0 ? `: ${joinSpoken(devices)}` : '';
  return `Pool ${name} is ${pool.health.toLowerCase()}${detail}; ${scrubAge(pool, now)}.`;
}

/** `ask` 'degraded' answers a yes/no question first ("is the pool degraded" -> "Yes." / "No."). */
export function poolsAnswer(report: PoolReport, now: Date, ask?: string): string {
  if (!report.installed) return report.message;
  if (report.pools.length === 0) return `There are no ZFS pools on ${spokenHost(report.host)}.`;
  const unhealthy = report.pools.filter((pool) => pool.health !== 'ONLINE');
  const verdict = ask === 'degraded' ? (unhealthy.length > 0 ? 'Yes. ' : 'No. ') : '';
  return verdict + report.pools.map((pool) => poolSentence(pool, now)).join(' ');
}

export function arraysAnswer(report: ArrayReport, ask?: string): string {
  if (report.arrays.length === 0) return `There are no software RAID arrays on ${spokenHost(report.host)}.`;
  const degraded = report.arrays.filter((array) => array.degraded || !array.active);
  const verdict = ask === 'degraded' ? (degraded.length > 0 ? 'Yes. ' : 'No. ') : '';
  const sentences = report.arrays.map((array) => {
    const name = `${speakable(array.name, 20)} (${speakable(array.level, 20)})`;
    const counts = array.wanted !== null ? `, ${array.working} of ${array.wanted} devices working` : '';
    const failed =
      array.failedDevices.length > 0
        ? `, ${joinSpoken(array.failedDevices.map((device) => speakable(device, 30)))} failed`
        : '';
    const sync = array.sync ? `, ${array.sync.kind} at ${spokenNumber(array.sync.percent)} percent` : '';
    const state = !array.active ? 'inactive' : array.degraded ? 'degraded' : 'healthy';
    return `${name} is ${state}${counts}${failed}${sync}.`;
  });
  return verdict + sentences.join(' ');
}
