/**
 * The services area's side effects: systemctl and journalctl on a host, through HostCommands only (an
 * argv list, never a shell string; the SSH implementation checks it against its allowlist). Every unit
 * name is checked (unit-name.ts) before it is put in a command. Failures become a ToolError with one
 * sentence; a host that cannot be reached or lacks the program says so (HostCommandError).
 */
import { ToolError } from '../../src/errors.js';
import { asToolError, spokenHost } from '../../src/toolkit/host-command-error.js';
import type { HostCommandResult, HostCommands } from '../../src/toolkit/host-commands.js';
import { parseJournalJson } from './journal-output.js';
import { parseJsonUnitList, parsePlainUnitList, parseShow, showTimestamp } from './systemctl-output.js';
import type { FailedUnits, UnitAction, UnitActionResult, UnitJournal, UnitStatus } from './types.js';
import { checkedUnitName, shownName, spokenUnit } from './unit-name.js';

export interface ServicesClientOptions {
  commands: HostCommands;
  /** Most bytes of journal output read per call; default 256 KB. */
  journalBytes?: number;
  /** Most characters of one journal message; default 400. */
  messageChars?: number;
}

const statusProperties =
  'Id,Description,LoadState,ActiveState,SubState,UnitFileState,StateChangeTimestamp,MainPID,NRestarts,Result,MemoryCurrent';

/** A number property, or null when systemd has none ("[not set]", empty, the 2^64-1 "infinity"). */
function count(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= 2 ** 63 ? null : number;
}

/** What systemctl's stderr means, as one sentence; the first line of it when nothing better fits. */
export function systemctlProblem(host: string, what: string, result: HostCommandResult): string {
  const stderr = result.stderr;
  const where = spokenHost(host);
  if (/not been booted with systemd|Failed to connect to bus|System has not been booted/i.test(stderr))
    return `systemd is not running on ${where}, so I can't ${what}.`;
  if (/Access denied|Interactive authentication required|Permission denied/i.test(stderr))
    return `sysvox is not allowed to ${what} on ${where}; allow it with a polkit rule or sudo for the sysvox user.`;
  const first =
    stderr
      .split('\n')
      .find((line) => line.trim().length > 0)
      ?.trim() ?? `exit code ${result.exitCode}`;
  return `I could not ${what} on ${where}: ${shownName(first).slice(0, 160)}.`;
}

export type ServicesClient = ReturnType<typeof createServicesClient>;

export function createServicesClient(options: ServicesClientOptions) {
  const { commands } = options;
  const run = async (tool: string, host: string, argv: string[], timeoutMs?: number, maxBytes?: number) => {
    try {
      return await commands.run(host, argv, { timeoutMs, maxBytes });
    } catch (error) {
      throw asToolError(tool, error);
    }
  };

  async function status(tool: string, host: string, unit: string): Promise<UnitStatus> {
    const result = await run(tool, host, ['systemctl', 'show', '--no-pager', `--property=${statusProperties}`, unit]);
    if (result.exitCode !== 0)
      throw new ToolError(tool, systemctlProblem(host, `read the status of ${spokenUnit(unit)}`, result));
    const properties = parseShow(result.stdout);
    const since = showTimestamp(properties.get('StateChangeTimestamp'));
    return {
      host,
      unit: properties.get('Id') || unit,
      description: properties.get('Description') ?? '',
      loadState: properties.get('LoadState') ?? '',
      activeState: properties.get('ActiveState') ?? '',
      subState: properties.get('SubState') ?? '',
      unitFileState: properties.get('UnitFileState') ?? '',
      since: since ? since.toISOString() : null,
      mainPid: count(properties.get('MainPID')) || null,
      restarts: count(properties.get('NRestarts')),
      result: properties.get('Result') ?? '',
      memoryBytes: count(properties.get('MemoryCurrent')),
    };
  }

  async function readJournal(tool: string, host: string, unit: string, extra: string[], lines: number) {
    const argv = ['journalctl', '-u', unit, ...extra, '-n', String(lines), '--no-pager', '--quiet', '--output=json'];
    const result = await run(tool, host, argv, 15_000, options.journalBytes ?? 256 * 1024);
    if (result.exitCode !== 0 && result.stdout.trim().length === 0)
      throw new ToolError(tool, systemctlProblem(host, `read the journal of ${spokenUnit(unit)}`, result));
    const entries = parseJournalJson(result.stdout, { maxMessageChars: options.messageChars ?? 400 });
    return { entries, truncated: result.truncated };
  }

  return {
    /** Failed units: the JSON form, or the plain table when this systemctl predates JSON for list-units. */
    async failedUnits(tool: string, host: string): Promise<FailedUnits> {
      const base = ['systemctl', 'list-units', '--failed', '--no-pager', '--full'];
      const result = await run(tool, host, [...base, '--output=json']);
      if (result.exitCode !== 0) throw new ToolError(tool, systemctlProblem(host, 'list the failed units', result));
      const rows = parseJsonUnitList(result.stdout);
      if (rows) return { host, units: rows, form: 'json' };
      const plain = await run(tool, host, [...base, '--plain', '--no-legend']);
      if (plain.exitCode !== 0) throw new ToolError(tool, systemctlProblem(host, 'list the failed units', plain));
      return { host, units: parsePlainUnitList(plain.stdout), form: 'plain' };
    },

    /** The canonical name of an existing unit on the host ("jellyfin" -> "jellyfin.service"), else a ToolError. */
    async resolveUnit(tool: string, host: string, name: string): Promise<string> {
      const unit = checkedUnitName(tool, name);
      const found = await status(tool, host, unit);
      if (found.loadState === 'not-found' || found.loadState === '')
        throw new ToolError(tool, `There is no unit called ${spokenUnit(unit)} on ${spokenHost(host)}.`);
      return found.unit;
    },

    status: (tool: string, host: string, name: string) => status(tool, host, checkedUnitName(tool, name)),

    async act(tool: string, host: string, name: string, action: UnitAction): Promise<UnitActionResult> {
      const unit = checkedUnitName(tool, name);
      const result = await run(tool, host, ['systemctl', action, unit], 90_000);
      if (result.exitCode !== 0) {
        if (/Job for .* failed/i.test(result.stderr))
          throw new ToolError(
            tool,
            `${spokenUnit(unit)} failed to ${action} on ${spokenHost(host)}; its logs say why.`,
          );
        throw new ToolError(tool, systemctlProblem(host, `${action} ${spokenUnit(unit)}`, result));
      }
      const after = await status(tool, host, unit);
      return { host, unit, action, activeState: after.activeState, subState: after.subState };
    },

    async journal(tool: string, host: string, name: string, lines: number): Promise<UnitJournal> {
      const unit = checkedUnitName(tool, name);
      return { host, unit, ...(await readJournal(tool, host, unit, [], lines)) };
    },

    async errors(tool: string, host: string, name: string, since: Date, lines: number): Promise<UnitJournal> {
      const unit = checkedUnitName(tool, name);
      const epoch = `@${Math.floor(since.getTime() / 1000)}`;
      const read = await readJournal(tool, host, unit, ['-p', 'err', `--since=${epoch}`], lines);
      return { host, unit, since: since.toISOString(), ...read };
    },

    /** The service units installed on the host (templates left out): the {unit} slot's names. */
    async serviceNames(host: string): Promise<string[]> {
      const argv = ['systemctl', 'list-unit-files', '--type=service', '--no-pager', '--output=json'];
      const result = await commands.run(host, argv);
      if (result.exitCode !== 0) return [];
      const names = parseUnitFileNames(result.stdout);
      return names.filter((name) => name.endsWith('.service') && !name.includes('@'));
    },
  };
}

/** Unit file states of units a person runs: not static (pulled in by others), masked, aliases or generated. */
const runnableStates = new Set(['enabled', 'enabled-runtime', 'disabled', 'linked', 'linked-runtime']);

/**
 * `list-unit-files --output=json` ({unit_file, state, preset}) or its plain table ("UNIT FILE STATE
 * PRESET"): the names of the units a person would name (enabled or disabled ones).
 */
export function parseUnitFileNames(stdout: string): string[] {
  const trimmed = stdout.trim();
  let rows: Array<{ name: string; state: string }> = [];
  if (trimmed.startsWith('[')) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (Array.isArray(parsed))
        rows = parsed.flatMap((row: { unit_file?: unknown; state?: unknown }) =>
          typeof row?.unit_file === 'string' ? [{ name: row.unit_file, state: String(row.state ?? '') }] : [],
        );
    } catch {
      return [];
    }
  } else {
    rows = trimmed.split('\n').map((line) => {
      const [name = '', state = ''] = line.trim().split(/\s+/);
      return { name, state };
    });
  }
  return rows
    .filter((row) => runnableStates.has(row.state) && /^[A-Za-z0-9_:\\@.-]+\.service$/.test(row.name))
    .map((row) => row.name);
}
