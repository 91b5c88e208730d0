/**
 * The built-in allowlist: every program sysvox may run on a host (this machine or an SSH host), with
 * the words, options and operands each may take. Nothing outside this list runs, and no rule takes free
 * text. `action` rules change something (restart a unit or a container); the tools that use them are
 * `confirm` tier, so policy asks first. See docs/decisions/026-ssh-pool-and-allowlist.md.
 */
import type { ArgumentKind } from './argument-kinds.js';

/** An option: with no value (null), or with a value of a kind, given as `--name=value` or `--name value`. */
export type OptionRules = Readonly<Record<string, ArgumentKind | null>>;

export interface CommandRule {
  program: string;
  /** The literal words after the program ("restart", "system dial-stdio"). */
  words: readonly string[];
  options?: OptionRules;
  /** The operands after the words: their kind and how many (min..max). */
  operands?: { kind: ArgumentKind; min: number; max: number };
  action?: boolean;
}

const systemctlCommon: OptionRules = {
  '--no-pager': null,
  '--no-legend': null,
  '--plain': null,
  '--all': null,
  '--failed': null,
  '--full': null,
  '--quiet': null,
  '--type': 'word',
  '--state': 'word',
  '--output': 'output-format',
  '-o': 'output-format',
  '--property': 'property',
  '-p': 'property',
  '--value': null,
  '--lines': 'count',
  '-n': 'count',
};

const journalctlOptions: OptionRules = {
  '--unit': 'unit',
  '-u': 'unit',
  '--lines': 'count',
  '-n': 'count',
  '--since': 'time',
  '-S': 'time',
  '--until': 'time',
  '-U': 'time',
  '--priority': 'priority',
  '-p': 'priority',
  '--output': 'output-format',
  '-o': 'output-format',
  '--no-pager': null,
  '--no-hostname': null,
  '--quiet': null,
  '-q': null,
  '--utc': null,
  '--boot': null,
  '-b': null,
  '--reverse': null,
  '-r': null,
};

const smartctlOptions: OptionRules = {
  '-j': null,
  '--json': null,
  '-a': null,
  '--all': null,
  '-x': null,
  '--xall': null,
  '-H': null,
  '--health': null,
  '-A': null,
  '--attributes': null,
  '-i': null,
  '--info': null,
  '-n': 'word',
  '--nocheck': 'word',
  '-d': 'word',
  '--device': 'word',
};

const dockerJson = { '--format': 'docker-format', '--no-trunc': null, '-a': null, '--all': null } as const;

const unitOperand = { kind: 'unit', min: 1, max: 1 } as const;
const containerOperand = { kind: 'container', min: 1, max: 1 } as const;

export const commandRules: readonly CommandRule[] = [
  // Figures of a host (tools/ssh/remote-snapshot.ts).
  {
    program: 'head',
    words: [],
    options: { '-v': null, '-n': 'count', '-q': null },
    operands: { kind: 'proc-file', min: 1, max: 10 },
  },
  { program: 'cat', words: [], operands: { kind: 'proc-file', min: 1, max: 10 } },
  {
    program: 'df',
    words: [],
    options: { '-P': null, '-T': null, '-k': null, '-B1': null, '--local': null, '-l': null },
  },
  { program: 'free', words: [], options: { '-b': null, '-k': null } },
  { program: 'uptime', words: [] },
  { program: 'true', words: [] },
  { program: 'ps', words: [], options: { '-e': null, '-o': 'property', '--no-headers': null } },
  // Docker (docker ps/inspect JSON, and the Docker API itself over `docker system dial-stdio`).
  { program: 'docker', words: ['ps'], options: dockerJson },
  { program: 'docker', words: ['inspect'], options: dockerJson, operands: { kind: 'container', min: 1, max: 64 } },
  { program: 'docker', words: ['version'], options: dockerJson },
  { program: 'docker', words: ['system', 'dial-stdio'] },
  { program: 'docker', words: ['restart'], operands: containerOperand, action: true },
  { program: 'docker', words: ['start'], operands: containerOperand, action: true },
  { program: 'docker', words: ['stop'], operands: containerOperand, action: true },
  // systemd (tools/services).
  { program: 'systemctl', words: ['list-units'], options: systemctlCommon, operands: { kind: 'unit', min: 0, max: 8 } },
  {
    program: 'systemctl',
    words: ['list-unit-files'],
    options: systemctlCommon,
    operands: { kind: 'unit', min: 0, max: 8 },
  },
  { program: 'systemctl', words: ['status'], options: systemctlCommon, operands: unitOperand },
  { program: 'systemctl', words: ['show'], options: systemctlCommon, operands: { kind: 'unit', min: 1, max: 8 } },
  { program: 'systemctl', words: ['is-active'], options: systemctlCommon, operands: { kind: 'unit', min: 1, max: 8 } },
  { program: 'systemctl', words: ['is-failed'], options: systemctlCommon, operands: { kind: 'unit', min: 1, max: 8 } },
  { program: 'systemctl', words: ['is-enabled'], options: systemctlCommon, operands: { kind: 'unit', min: 1, max: 8 } },
  { program: 'systemctl', words: ['--version'] },
  { program: 'systemctl', words: ['restart'], options: { '--no-block': null }, operands: unitOperand, action: true },
  { program: 'systemctl', words: ['start'], options: { '--no-block': null }, operands: unitOperand, action: true },
  { program: 'systemctl', words: ['stop'], options: { '--no-block': null }, operands: unitOperand, action: true },
  { program: 'journalctl', words: [], options: journalctlOptions },
  // Storage (tools/storage).
  { program: 'smartctl', words: [], options: { ...smartctlOptions, '--scan': null, '--scan-open': null } },
  { program: 'smartctl', words: [], options: smartctlOptions, operands: { kind: 'device', min: 1, max: 1 } },
  {
    program: 'zpool',
    words: ['status'],
    options: { '-x': null, '-p': null, '-P': null, '-v': null },
    operands: { kind: 'pool', min: 0, max: 8 },
  },
  {
    program: 'zpool',
    words: ['list'],
    options: { '-H': null, '-p': null, '-o': 'property' },
    operands: { kind: 'pool', min: 0, max: 8 },
  },
  {
    program: 'zfs',
    words: ['list'],
    options: { '-H': null, '-p': null, '-o': 'property', '-t': 'word' },
    operands: { kind: 'pool', min: 0, max: 8 },
  },
  { program: 'mdadm', words: ['--detail'], operands: { kind: 'device', min: 1, max: 1 } },
];
