/**
 * What `sysvox hosts add` does before it trusts a host: connect, read the key the host offers, and
 * stop before logging in (nothing is sent that a man in the middle could use). Then, once the person
 * has accepted the fingerprint, one login with the key pinned checks that the login works.
 */
import type { HostCommandError } from '../../src/toolkit/host-commands.js';
import { connectHost, type SshHost } from './connect-host.js';
import { fingerprintOf, keyTypeOf } from './fingerprint.js';

export interface OfferedKey {
  type: string;
  fingerprint: string;
}

/** The key the host offers; rejects with the reason when it cannot be reached. */
export async function probeHostKey(
  host: Omit<SshHost, 'hostKey' | 'knownHostsPath'>,
  timeoutMs = 8000,
): Promise<OfferedKey> {
  let offered: OfferedKey | undefined;
  const attempt = connectHost(host, {
    timeoutMs,
    keepaliveIntervalMs: 0,
    keepaliveCountMax: 0,
    verify: (blob) => {
      offered = { type: keyTypeOf(blob), fingerprint: fingerprintOf(blob) };
      return { ok: false, reason: 'unknown', fingerprint: offered.fingerprint, message: 'probing the host key' };
    },
  });
  try {
    const client = await attempt;
    client.end();
  } catch (error) {
    if (!offered) throw error as HostCommandError;
  }
  if (!offered) throw new Error(`${host.name} offered no host key`);
  return offered;
}

/** Logs in once with the key pinned; null when it worked, else the sentence why not. */
export async function checkLogin(host: SshHost, timeoutMs = 8000): Promise<string | null> {
  try {
    const client = await connectHost(host, { timeoutMs, keepaliveIntervalMs: 0, keepaliveCountMax: 0 });
    client.end();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
