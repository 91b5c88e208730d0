/**
 * What the services area says: one or two sentences from a tool's data. Unit names, descriptions and
 * journal lines come from the host: they pass through speakable() (one line, bounded, no markup) and
 * were redacted by the tool.
 */
import {
  asSentence,
  capitalise,
  countOf,
  joinSpoken,
  speakable,
  spokenDuration,
} from '../../src/router/speech-format.js';
import { spokenHost } from '../../src/toolkit/host-command-error.js';
import type { FailedUnits, UnitActionResult, UnitJournal, UnitStatus } from './types.js';
import { spokenUnit } from './unit-name.js';

const onHost = (host: string) => (host === 'local' ? '' : ` on ${host}`);

export function failedUnitsAnswer(result: FailedUnits): string {
  const where = spokenHost(result.host);
  if (result.units.length === 0) return `No systemd units have failed on ${where}.`;
  const names = result.units.slice(0, 6).map((row) => speakable(spokenUnit(row.unit), 64));
  const more = result.units.length > names.length ? `, and ${result.units.length - names.length} more` : '';
  const verb = result.units.length === 1 ? 'has' : 'have';
  return `${capitalise(countOf(result.units.length, 'unit'))} ${verb} failed on ${where}: ${joinSpoken(names)}${more}.`;
}

/** "jellyfin has been running for 3 hours", "jellyfin failed 3 hours ago (exit-code)", "... is activating (start)". */
function stateSentence(status: UnitStatus, now: Date): string {
  const name = spokenUnit(status.unit) + onHost(status.host);
  const age = status.since ? spokenDuration((now.getTime() - Date.parse(status.since)) / 1000) : null;
  const { activeState, subState } = status;
  if (activeState === 'active' && subState === 'running')
    return age ? `${name} has been running for ${age}` : `${name} is running`;
  if (activeState === 'failed') {
    const why = status.result && status.result !== 'success' ? ` (${status.result})` : '';
    return age ? `${name} failed ${age} ago${why}` : `${name} has failed${why}`;
  }
  if (activeState === 'inactive') return age ? `${name} has been stopped for ${age}` : `${name} is stopped`;
  return `${name} is ${activeState}${subState ? ` (${subState})` : ''}`;
}

export function unitStatusAnswer(status: UnitStatus, now: Date): string {
  const parts = [`${stateSentence(status, now)}.`];
  if (status.restarts !== null && status.restarts > 0)
    parts.push(`systemd has restarted it ${countOf(status.restarts, 'time')}.`);
  if (status.unitFileState === 'disabled' || status.unitFileState === 'masked')
    parts.push(`It is ${status.unitFileState}, so it will not start at boot.`);
  return parts.map(capitalise).join(' ');
}

export function unitActionAnswer(result: UnitActionResult): string {
  const done = { restart: 'Restarted', start: 'Started', stop: 'Stopped' }[result.action];
  const now = result.activeState === 'active' ? 'it is running' : `it is ${result.activeState}`;
  return `${done} ${spokenUnit(result.unit)}${onHost(result.host)}; ${now}.`;
}

const line = (entry: UnitJournal['entries'][number]) => asSentence(speakable(entry.message, 160));

export function unitLogsAnswer(journal: UnitJournal, spoken: number): string {
  const name = spokenUnit(journal.unit);
  if (journal.entries.length === 0) return `The journal has no lines for ${name}${onHost(journal.host)}.`;
  const errors = journal.entries.filter((entry) => ['emerg', 'alert', 'crit', 'err'].includes(entry.priority));
  const errorNote = errors.length > 0 ? `, ${countOf(errors.length, 'error')} among them` : '';
  const shown = journal.entries.slice(-spoken);
  return `The last ${countOf(shown.length, 'line')} from ${name}${onHost(journal.host)}${errorNote}: ${shown.map(line).join(' ')}`;
}

export function unitErrorsAnswer(journal: UnitJournal, hours: number): string {
  const name = spokenUnit(journal.unit);
  const window = hours === 1 ? 'the last hour' : hours % 24 === 0 ? countOf(hours / 24, 'day') : countOf(hours, 'hour');
  const within = hours === 1 ? window : `the last ${window}`;
  if (journal.entries.length === 0) return `No errors from ${name}${onHost(journal.host)} in ${within}.`;
  const last = journal.entries[journal.entries.length - 1]!;
  const count = journal.truncated
    ? `At least ${journal.entries.length} errors`
    : capitalise(countOf(journal.entries.length, 'error'));
  return `${count} from ${name}${onHost(journal.host)} in ${within}. The last: ${line(last)}`;
}
