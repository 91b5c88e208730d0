/**
 * Fingerprints as OpenSSH prints them: computed from a key blob they equal what ssh-keygen -l says,
 * padded or unpadded base64 both match, and a hex digest or another key does not.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintDigest, fingerprintOf, keyTypeOf, matchesFingerprint } from '../../tools/ssh/fingerprint.js';
import { knownHostKeys } from '../../tools/ssh/known-hosts.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sysvox-fingerprint-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function newKey(name: string, type = 'ed25519'): { blob: Buffer; printed: string; line: string } {
  const file = path.join(dir, name);
  execFileSync('/usr/bin/ssh-keygen', ['-q', '-t', type, '-N', '', '-f', file], { stdio: 'ignore' });
  const line = fs.readFileSync(`${file}.pub`, 'utf8').trim();
  const printed = execFileSync('/usr/bin/ssh-keygen', ['-l', '-E', 'sha256', '-f', `${file}.pub`], {
    encoding: 'utf8',
  }).split(/\s+/)[1]!;
  return { blob: Buffer.from(line.split(' ')[1]!, 'base64'), printed, line };
}

describe.skipIf(!fs.existsSync('/usr/bin/ssh-keygen'))('host key fingerprints', () => {
  const ed25519 = newKey('ed');
  const ecdsa = newKey('ec', 'ecdsa');

  it('computes what ssh-keygen -l prints, without base64 padding', () => {
    expect(fingerprintOf(ed25519.blob)).toBe(ed25519.printed);
    expect(fingerprintOf(ecdsa.blob)).toBe(ecdsa.printed);
    expect(ed25519.printed).not.toMatch(/=$/);
    expect(keyTypeOf(ed25519.blob)).toBe('ssh-ed25519');
  });

  it('matches the printed fingerprint and its padded form, and nothing else', () => {
    expect(matchesFingerprint(ed25519.blob, ed25519.printed)).toBe(true);
    expect(matchesFingerprint(ed25519.blob, `${ed25519.printed}=`)).toBe(true);
    expect(matchesFingerprint(ed25519.blob, ecdsa.printed)).toBe(false);
    const hex = createHash('sha256').update(ed25519.blob).digest('hex');
    expect(matchesFingerprint(ed25519.blob, hex)).toBe(false);
    expect(fingerprintDigest('SHA256:short')).toBeNull();
  });

  it('finds a host in known_hosts by plain, bracketed-port and hashed names', () => {
    const text = [
      `# comment`,
      `nas.lan ${ed25519.line}`,
      `[10.0.0.5]:2222 ${ecdsa.line}`,
      `@cert-authority *.lan ${ecdsa.line}`,
    ].join('\n');
    expect(knownHostKeys(text, 'nas.lan', 22).map(fingerprintOf)).toEqual([ed25519.printed]);
    expect(knownHostKeys(text, '10.0.0.5', 2222).map(fingerprintOf)).toEqual([ecdsa.printed]);
    expect(knownHostKeys(text, '10.0.0.5', 22)).toEqual([]);
    expect(knownHostKeys(text, 'other.lan', 22)).toEqual([]);
  });
});
