/**
 * What one argument of an allowed command may look like. Every value a caller passes (a unit, a
 * container, a device) must match its kind; none may hold a shell metacharacter, a control character
 * or a quote, and none may start with '-' (it would be read as an option).
 */
export type ArgumentKind =
  | 'unit'
  | 'container'
  | 'device'
  | 'pool'
  | 'count'
  | 'time'
  | 'property'
  | 'priority'
  | 'output-format'
  | 'proc-file'
  | 'docker-format'
  | 'word';

/** Longest argument accepted anywhere. */
export const maxArgumentLength = 256;

const patterns: Record<ArgumentKind, RegExp> = {
  // systemd unit names: letters, digits and :-_.@ (systemd-escape writes other bytes as \x2d).
  unit: /^[A-Za-z0-9][A-Za-z0-9:_.@-]{0,254}$/,
  // Docker's own rule for names ([a-zA-Z0-9][a-zA-Z0-9_.-]+), or an id.
  container: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/,
  device: /^\/dev\/[A-Za-z0-9_-][A-Za-z0-9_./-]{0,62}$/,
  // ZFS dataset and pool names.
  pool: /^[A-Za-z][A-Za-z0-9_.:/-]{0,254}$/,
  count: /^[0-9]{1,6}$/,
  // journalctl --since: "2026-12-02 10:00:00", "today", "1 hour ago", "10:00", or "@1796223600" (epoch seconds).
  time: /^(@[0-9]{1,12}|[A-Za-z0-9][A-Za-z0-9 :.+-]{0,39})$/,
  property: /^[A-Za-z][A-Za-z0-9,]{0,254}$/,
  priority:
    /^(emerg|alert|crit|err|warning|notice|info|debug|[0-7])(\.\.(emerg|alert|crit|err|warning|notice|info|debug|[0-7]))?$/,
  'output-format': /^(json|json-pretty|short|short-iso|short-precise|cat|verbose)$/,
  'proc-file': /^\/proc\/(loadavg|meminfo|stat|uptime|mdstat|net\/dev|sys\/kernel\/hostname|cpuinfo|version)$/,
  'docker-format': /^(\{\{json \.\}\}|json)$/,
  word: /^[a-z][a-z0-9-]{0,31}$/,
};

/** Characters no argument may hold, whatever its kind: the shell's own, quotes, and every control character. */
const forbidden = /[;&|$`\\'"<>()!*?[\]#~\u0000-\u001f\u007f]/;

/** Null when value is a valid `kind`, else why not (one clause). */
export function checkArgument(kind: ArgumentKind, value: string): string | null {
  if (value.length === 0) return 'an empty argument';
  if (value.length > maxArgumentLength) return `an argument over ${maxArgumentLength} characters`;
  if (forbidden.test(value)) return `"${printable(value)}" holds characters that are not allowed`;
  if (value.startsWith('-')) return `"${printable(value)}" starts with a dash`;
  if (value.split('/').includes('..')) return `"${printable(value)}" climbs out of its folder`;
  if (!patterns[kind].test(value)) return `"${printable(value)}" is not a valid ${kind.replace('-', ' ')} name`;
  return null;
}

/** The value cut and with control characters shown as '?', safe to put in a message. */
export function printable(value: string): string {
  return value.slice(0, 60).replace(/[\u0000-\u001f\u007f]/g, '?');
}
