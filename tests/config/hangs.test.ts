/**
 * Paths that used to hang or fail deep inside Node (issue 8): a FIFO, a device or a directory given as the
 * config file, and a data directory under /proc or /sys, from the environment or the file. Each is refused
 * before it is opened or created, with one sentence, through the real CLI.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliBuilt, runCli } from './run-cli.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sysvox-hangs-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const noStack = /\n\s+at /;

describe.skipIf(!cliBuilt)(
  `the CLI refuses what would hang${cliBuilt ? '' : ' [skipped: dist/ missing, run npm run build]'}`,
  () => {
    it('a FIFO as the config file is refused at once, from --config and from SYSVOX_CONFIG', () => {
      const fifo = join(folder, 'config.yaml');
      execFileSync('mkfifo', [fifo]);
      for (const [args, env] of [
        [['--config', fifo, 'config', 'check'], {}],
        [['config', 'check'], { SYSVOX_CONFIG: fifo }],
      ] as const) {
        const started = Date.now();
        const result = runCli(folder, [...args], { ...env }, 10_000);
        expect(result.timedOut).toBe(false);
        expect(Date.now() - started).toBeLessThan(9_000);
        expect(result.status).toBe(1);
        expect(result.stderr).toContain(`config file ${fifo}`);
        expect(result.stderr).toContain('is a named pipe (FIFO), not a regular file');
      }
    });

    it('/dev/zero and a directory as the config file are refused before reading', () => {
      const zero = runCli(folder, ['--config', '/dev/zero', 'ask', 'status'], {}, 10_000);
      expect(zero.timedOut).toBe(false);
      expect(zero.status).toBe(1);
      expect(zero.stderr).toContain('config file /dev/zero (from --config) is a device, not a regular file');
      mkdirSync(join(folder, 'sysvox.yaml'));
      const directory = runCli(folder, ['config', 'check'], {}, 10_000);
      expect(directory.status).toBe(1);
      expect(directory.stderr).toContain(
        `config file ${join(folder, 'sysvox.yaml')} (from the search order) is a directory`,
      );
      expect(directory.stderr).not.toMatch(noStack);
    });

    it('a data directory under /proc is refused, whether from SYSVOX_DATA or from the file', () => {
      const fromEnv = runCli(folder, ['audit'], { SYSVOX_DATA: '/proc/sysvox-data' }, 10_000);
      expect(fromEnv.timedOut).toBe(false);
      expect(fromEnv.status).toBe(1);
      expect(fromEnv.stderr).toBe(
        'sysvox: data dir /proc/sysvox-data is under /proc, a kernel filesystem where no files can be kept: set SYSVOX_DATA to a writable directory such as /var/lib/sysvox\n',
      );

      writeFileSync(join(folder, 'sysvox.yaml'), 'dataDir: /sys/kernel/sysvox\n');
      const fromFile = runCli(folder, ['approvals'], { SYSVOX_DATA: '' }, 10_000);
      expect(fromFile.timedOut).toBe(false);
      expect(fromFile.status).toBe(1);
      expect(fromFile.stderr).toContain('data dir /sys/kernel/sysvox is under /sys');
      expect(fromFile.stderr).toContain('set dataDir (or SYSVOX_DATA) to a writable directory');
    });
  },
);
