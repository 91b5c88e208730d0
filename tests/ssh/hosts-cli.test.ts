/**
 * `sysvox hosts add | list | check` as a person runs them (the built CLI), against a real sshd: the
 * fingerprint is shown, nothing is written without a yes, the YAML keeps its comments, and the added
 * host answers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliBuilt, runCli } from '../config/run-cli.js';
import { describeSshd, startSshdHosts, type SshdHosts } from '../helpers/sshd.js';

let sshd: SshdHosts;
let folder: string;
const original = '# my sysvox\nlogLevel: info # keep quiet\n\n# the boxes in the closet\nhosts: []\n';

beforeAll(async () => {
  sshd = await startSshdHosts({ names: ['nas'] });
  folder = mkdtempSync(join(tmpdir(), 'sysvox-hosts-cli-'));
  writeFileSync(join(folder, 'sysvox.yaml'), original);
});
afterAll(async () => {
  await sshd?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describeSshd('sysvox hosts', () => {
  it.skipIf(!cliBuilt)('adds a host after showing its fingerprint, keeping the comments, and checks it', () => {
    const nas = sshd.hosts[0]!;
    const args = [
      'hosts',
      'add',
      'nas',
      nas.address,
      '--port',
      String(nas.port),
      '--user',
      nas.user,
      '--key',
      nas.keyPath,
    ];
    const refused = runCli(folder, args);
    expect(refused.stdout).toContain(nas.hostKey);
    expect(refused.stderr).toContain('pass --yes');
    expect(readFileSync(join(folder, 'sysvox.yaml'), 'utf8')).toBe(original);

    const added = runCli(folder, [...args, '--yes']);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain(`Added nas to`);
    expect(added.stdout).toContain('it works');
    const written = readFileSync(join(folder, 'sysvox.yaml'), 'utf8');
    expect(written).toContain('# my sysvox');
    expect(written).toContain('logLevel: info # keep quiet');
    expect(written).toContain('# the boxes in the closet');
    expect(written).toContain(`hostKey: ${nas.hostKey}`);

    const again = runCli(folder, [...args, '--yes']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('host nas is already in the config');

    const listed = runCli(folder, ['hosts', 'list']);
    expect(listed.stdout).toContain(`nas\t${nas.user}@${nas.address}:${nas.port}\t${nas.hostKey}`);
    const checked = runCli(folder, ['hosts', 'check']);
    expect(checked.stdout).toBe('nas: ok\n');
    expect(checked.status).toBe(0);
  });

  it.skipIf(!cliBuilt)('says why a host cannot be added when nothing listens there', () => {
    const result = runCli(folder, [
      'hosts',
      'add',
      'attic',
      '127.0.0.1',
      '--port',
      '1',
      '--key',
      sshd.hosts[0]!.keyPath,
      '--yes',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('attic is not reachable at 127.0.0.1:1: nothing accepts SSH connections there.');
  });
});
