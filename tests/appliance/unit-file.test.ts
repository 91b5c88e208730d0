/**
 * systemd/sysvox.service as systemd reads it: `systemd-analyze verify` accepts it, its exposure score
 * stays "OK" or better, and the credentials it loads are exactly the ones sysvox reads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialFiles } from '../../src/config/schema.js';

const checkout = resolve(import.meta.dirname, '..', '..');
const unitPath = join(checkout, 'systemd', 'sysvox.service');
const unit = readFileSync(unitPath, 'utf8');
/** systemd/README.md records this score; a change that raises it past the target fails here. */
const exposureTarget = 2.5;

const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const describeAnalyze = analyze.status === 0 ? describe : describe.skip;
if (analyze.status !== 0)
  console.warn('systemd-analyze is missing (Debian package systemd, in scripts/setup.sh): unit checks skipped');

describeAnalyze('systemd/sysvox.service', () => {
  it('passes systemd-analyze verify (ExecStart pointed at this checkout, since /opt/sysvox is not installed here)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sysvox-unit-'));
    try {
      const copy = join(folder, 'sysvox.service');
      writeFileSync(copy, unit.replaceAll('/opt/sysvox', checkout));
      const verified = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
      expect(`${verified.stdout}${verified.stderr}`).toBe('');
      expect(verified.status).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it(`has an exposure score of ${exposureTarget} or less ("OK") in systemd-analyze security --offline`, () => {
    const security = spawnSync('systemd-analyze', ['security', '--offline=true', '--no-pager', unitPath], {
      encoding: 'utf8',
    });
    const score = /Overall exposure level for sysvox\.service: ([\d.]+) (\w+)/.exec(security.stdout);
    expect(score, security.stdout + security.stderr).not.toBeNull();
    expect(Number(score![1])).toBeLessThanOrEqual(exposureTarget);
    expect(score![2]).toBe('OK');
  });
});

describe('the credentials the unit loads', () => {
  it('are the ones sysvox reads from $CREDENTIALS_DIRECTORY, each from /etc/credstore/sysvox.<name>', () => {
    const loaded = [...unit.matchAll(/^LoadCredential=([^:\n]+):(.+)$/gm)].map(([, id, source]) => ({ id, source }));
    expect(loaded.map(({ id }) => id).sort()).toEqual(Object.keys(credentialFiles).sort());
    for (const { id, source } of loaded) expect(source).toBe(`sysvox.${id}`);
  });

  it('runs as the sysvox user with the config and data paths the installer creates', () => {
    for (const line of [
      'Type=notify',
      'User=sysvox',
      'SupplementaryGroups=audio docker',
      'Environment=SYSVOX_CONFIG=/etc/sysvox/config.yaml',
      'Environment=SYSVOX_DATA=/var/lib/sysvox',
      'StateDirectory=sysvox',
      'ReadWritePaths=/var/lib/sysvox',
    ])
      expect(unit.split('\n')).toContain(line);
  });
});
