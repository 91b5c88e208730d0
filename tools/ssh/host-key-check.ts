/**
 * Whether the key a host offers is the pinned one. A key that is not pinned (a known_hosts file without
 * the host) or differs from the pin is refused; the message shows the offered fingerprint and where to
 * pin it, so the operator can compare it with `ssh-keygen -lf` on the host itself.
 */
import type { HostConfig } from '../../src/config/hosts-schema.js';
import { fingerprintOf, keyTypeOf, matchesFingerprint } from './fingerprint.js';
import { readKnownHostKeys } from './known-hosts.js';

export type HostKeyVerdict =
  | { ok: true; fingerprint: string }
  | { ok: false; reason: 'unknown' | 'changed'; fingerprint: string; message: string };

export type HostKeyPin = Pick<HostConfig, 'name' | 'address' | 'port' | 'hostKey' | 'knownHostsPath'>;

export function verifyHostKey(host: HostKeyPin, keyBlob: Buffer): HostKeyVerdict {
  const fingerprint = fingerprintOf(keyBlob);
  const offered = `${keyTypeOf(keyBlob)} ${fingerprint}`;
  const pinHow = `set hostKey: "${fingerprint}" for host ${host.name} in the config (or run: sysvox hosts add ${host.name} ${host.address}${host.port === 22 ? '' : ` --port ${host.port}`})`;
  if (host.hostKey !== undefined) {
    if (matchesFingerprint(keyBlob, host.hostKey)) return { ok: true, fingerprint };
    return {
      ok: false,
      reason: 'changed',
      fingerprint,
      message:
        `The host key of ${host.name} is not the pinned one: it offered ${offered}, the config pins ${host.hostKey}. ` +
        `Someone may be in between; if the host was reinstalled, check the key on it with ssh-keygen -lf and ${pinHow}.`,
    };
  }
  const known = host.knownHostsPath ? readKnownHostKeys(host.knownHostsPath, host.address, host.port) : [];
  if (known.some((blob) => blob.equals(keyBlob))) return { ok: true, fingerprint };
  return {
    ok: false,
    reason: known.length === 0 ? 'unknown' : 'changed',
    fingerprint,
    message:
      known.length === 0
        ? `The host key of ${host.name} is unknown: ${host.knownHostsPath ?? 'no known_hosts file'} has no key for it, and it offered ${offered}. To trust it, ${pinHow}.`
        : `The host key of ${host.name} is not the one in ${host.knownHostsPath}: it offered ${offered}. Someone may be in between; if the host was reinstalled, ${pinHow}.`,
  };
}
