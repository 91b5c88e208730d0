/**
 * A duration typed on the command line (`--for 2h`, `--since 1d`), read the way the config reads them
 * (parseDuration: 30s, 5m, 1h30m, 1d), with an error that shows how to write one.
 */
import { formatDuration, parseDuration } from '../config/limits.js';

/** A year: a silence or mute longer than that is a typo, and a date past JavaScript's range would throw. */
const longestMs = 365 * 86_400_000;

export function durationOption(flag: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === null)
    throw new Error(`${flag} "${text.slice(0, 40)}" is not a duration: write it like 30m, 2h, 1h30m or 1d`);
  if (ms <= 0) throw new Error(`${flag} must be longer than zero, like 30m or 2h`);
  if (ms > longestMs)
    throw new Error(`${flag} ${formatDuration(ms)} is too long: at most ${formatDuration(longestMs)}`);
  return ms;
}
