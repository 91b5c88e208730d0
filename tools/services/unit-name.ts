/**
 * systemd unit names, checked before anything runs. systemd allows ASCII letters, digits, ":", "-", "_",
 * ".", "\" and "@" (templates), at most 255 characters, ending in a unit type (systemd.unit(5)). A name
 * is refused unless it fits: "x; rm -rf /" never reaches a command. A name may not start with "-", so it
 * can never be read as an option. "jellyfin" is canonicalised to "jellyfin.service".
 */
import { ToolError } from '../../src/errors.js';

export const unitTypes = [
  'service',
  'socket',
  'target',
  'timer',
  'mount',
  'automount',
  'swap',
  'path',
  'slice',
  'scope',
  'device',
] as const;

const unitPattern = new RegExp(`^[A-Za-z0-9_:\\\\][A-Za-z0-9:_.\\\\@-]*\\.(${unitTypes.join('|')})$`);
const maxUnitLength = 255;

/** "jellyfin" -> "jellyfin.service"; a name with a unit type keeps it. No check: see checkedUnitName. */
export function withUnitType(name: string): string {
  const trimmed = name.trim();
  const type = trimmed.split('.').pop() ?? '';
  return (unitTypes as readonly string[]).includes(type) && trimmed.includes('.') ? trimmed : `${trimmed}.service`;
}

export function isValidUnitName(name: string): boolean {
  return name.length <= maxUnitLength && unitPattern.test(name);
}

/** A unit name made safe to say and log (control characters out, at most 64 characters). */
export function shownName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > 64 ? `${clean.slice(0, 61)}...` : clean;
}

/** The canonical unit name, or a ToolError with one sentence when it is not a unit name at all. */
export function checkedUnitName(tool: string, name: string): string {
  const unit = withUnitType(name);
  if (!isValidUnitName(unit))
    throw new ToolError(
      tool,
      `'${shownName(name)}' is not a systemd unit name: use letters, digits, dashes, dots, underscores, colons or @.`,
    );
  return unit;
}

/** How a unit is said: "jellyfin.service" -> "jellyfin", "backup.timer" stays "backup.timer". */
export function spokenUnit(unit: string): string {
  return shownName(unit.endsWith('.service') ? unit.slice(0, -'.service'.length) : unit);
}
