/**
 * HostCommands for tests: the app's local implementation (tools/ssh/host-commands.ts: the allowlist, spawn
 * with shell: false, bounded output, ENOENT -> 'not-installed') with a folder of stand-in programs first on
 * PATH. A stand-in is a small sh script that records the argv it got (one \x1f-separated line per call)
 * and then runs its body; programs without one are the real ones (the real systemctl, which says systemd
 * is not PID 1 here; no zpool at all). Stand-ins exist only for what this machine cannot run: a systemd
 * manager, drives with SMART, ZFS pools, md arrays; they print recorded output (tests/services/fixtures, tests/storage/fixtures).
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalHostCommands } from '../../tools/ssh/host-commands.js';
import type { HostCommands } from '../../src/toolkit/host-commands.js';

export interface TestHostCommands {
  commands: HostCommands;
  /** The stand-ins' folder: state files a script reads live here. */
  dir: string;
  /** Every call a stand-in received, as argv (program name first), in order. */
  calls(): string[][];
  close(): void;
}

/** Quotes text for a sh script (single quotes; a quote inside becomes '\''). */
export const shellQuoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function createTestHostCommands(options: { fakes?: Record<string, string> } = {}): TestHostCommands {
  const dir = mkdtempSync(join(tmpdir(), 'sysvox-host-commands-'));
  const log = join(dir, 'calls.log');
  for (const [program, body] of Object.entries(options.fakes ?? {})) {
    const path = join(dir, program);
    const script = [
      '#!/bin/sh',
      `printf '%s\\037' ${shellQuoted(program)} "$@" >> ${shellQuoted(log)}`,
      `printf '\\n' >> ${shellQuoted(log)}`,
      `DIR=${shellQuoted(dir)}`,
      body,
      '',
    ].join('\n');
    writeFileSync(path, script);
    chmodSync(path, 0o755);
  }
  const commands = createLocalHostCommands({ env: { PATH: `${dir}:${process.env.PATH ?? '/usr/bin:/bin'}` } });
  return {
    commands,
    dir,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter((line) => line.length > 0)
            .map((line) => line.split('\x1f').slice(0, -1))
        : [],
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
