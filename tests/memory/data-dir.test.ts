import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { resolveDataDir } from '../../src/memory/data-dir.js';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'sysvox-datadir-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('data dir', () => {
  it('$SYSVOX_DATA wins over the configured dir, and the directory is created', () => {
    const choice = resolveDataDir({
      env: { SYSVOX_DATA: join(base, 'from-env') },
      configured: join(base, 'configured'),
      cwd: base,
      packageRoot: null,
    });
    expect(choice).toEqual({
      dir: join(base, 'from-env'),
      databasePath: join(base, 'from-env', 'sysvox.db'),
      source: 'env',
    });
    expect(existsSync(choice.dir)).toBe(true);
  });

  it('uses the configured dataDir (relative to the working directory) when no variable is set', () => {
    const choice = resolveDataDir({ env: {}, configured: 'state', cwd: base, packageRoot: null });
    expect(choice).toMatchObject({ dir: join(base, 'state'), source: 'config' });
  });

  it('uses <checkout>/data from a sysvox checkout, whether started there or from elsewhere', () => {
    const checkout = join(base, 'sysvox');
    mkdirSync(join(checkout, '.git'), { recursive: true });
    writeFileSync(join(checkout, 'package.json'), JSON.stringify({ name: 'sysvox' }));
    expect(resolveDataDir({ env: {}, cwd: checkout, packageRoot: null })).toMatchObject({
      dir: join(checkout, 'data'),
      source: 'checkout',
    });
    expect(resolveDataDir({ env: {}, cwd: base, packageRoot: checkout })).toMatchObject({
      dir: join(checkout, 'data'),
      source: 'checkout',
    });
  });

  it('this repository, run from its own checkout, keeps its data in ./data', () => {
    const choice = resolveDataDir({ env: {}, cwd: process.cwd() });
    expect(choice.dir).toBe(join(process.cwd(), 'data'));
  });

  it('a directory that cannot be created gives a ConfigError naming the path and the fix', () => {
    const blocker = join(base, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const attempt = () => resolveDataDir({ env: { SYSVOX_DATA: join(blocker, 'data') }, cwd: base, packageRoot: null });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`${join(blocker, 'data')} is not a writable directory.*set SYSVOX_DATA`));
  });
});

describe('data dir refusals before anything is created', () => {
  it.each(['/proc/sysvox', '/proc/self/sysvox/deeper', '/sys/sysvox', '/dev/sysvox'])(
    '%s is refused as a kernel filesystem',
    (dir) => {
      const attempt = () => resolveDataDir({ env: { SYSVOX_DATA: dir }, cwd: base, packageRoot: null });
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(/is under \/(proc|sys|dev), a kernel filesystem.*set SYSVOX_DATA/);
    },
  );

  it('a symlink that leads into /proc is refused too, and nothing is created', () => {
    const link = join(base, 'looks-normal');
    symlinkSync('/proc/self', link);
    const attempt = () => resolveDataDir({ env: {}, configured: join(link, 'data'), cwd: base, packageRoot: null });
    expect(attempt).toThrow(/under \/proc.*set dataDir \(or SYSVOX_DATA\)/);
  });

  it('an existing file where the directory should be is refused with the path that is in the way', () => {
    const file = join(base, 'data');
    writeFileSync(file, 'not a directory');
    const attempt = () => resolveDataDir({ env: { SYSVOX_DATA: file }, cwd: base, packageRoot: null });
    expect(attempt).toThrow(`data dir ${file} is not a writable directory (${file} is not a directory)`);
    expect(readFileSync(file, 'utf8')).toBe('not a directory');
  });
});
