/**
 * Which hosts a tool call may be about. Today only this machine: any other name is refused with one
 * sentence. The SSH hosts registry replaces createLocalHosts (passed to createToolRunner as `hosts`);
 * nothing else in the policy changes.
 */
import { hostname as systemHostname } from 'node:os';
import { localHost } from './host-input.js';

export type HostLookup =
  /** host: the canonical name the approval binds to ('local' for this machine, whatever it was called). */
  | { ok: true; host: string }
  /** message: one sentence that can be spoken. */
  | { ok: false; message: string };

export interface HostDirectory {
  lookup(name: string): HostLookup;
}

/** This machine under any of its names ('local', 'localhost', its host name, short or full). */
export function createLocalHosts(options: { hostname?: string } = {}): HostDirectory {
  const full = (options.hostname ?? systemHostname()).trim().toLowerCase();
  const names = new Set([localHost, 'localhost', full, full.split('.')[0] ?? full].filter((name) => name.length > 0));
  return {
    lookup(name) {
      const wanted = name.trim().toLowerCase();
      if (names.has(wanted)) return { ok: true, host: localHost };
      return { ok: false, message: `I only know this machine so far; ${wanted.slice(0, 63)} is not connected yet.` };
    },
  };
}
