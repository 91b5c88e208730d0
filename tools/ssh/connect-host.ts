/**
 * Opens one ssh2 connection to a configured host: key login, the pinned host key checked in
 * hostVerifier, keepalives on. A failure becomes a HostCommandFailure with a sentence a person
 * understands (not reachable, key refused, host key not the pinned one).
 */
import { readFileSync } from 'node:fs';
import { Client } from 'ssh2';
import type { HostConfig } from '../../src/config/hosts-schema.js';
import { describeError } from '../../src/errors.js';
import { HostCommandError, type HostCommandFailure } from '../../src/toolkit/host-commands.js';
import { verifyHostKey, type HostKeyVerdict } from './host-key-check.js';

export type SshHost = Pick<HostConfig, 'name' | 'address' | 'port' | 'user' | 'keyPath' | 'hostKey' | 'knownHostsPath'>;

export interface ConnectOptions {
  timeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
  readKey?: (path: string) => Buffer;
  /** Decides on the offered key instead of the pin (sysvox hosts add: shows it and asks). */
  verify?: (keyBlob: Buffer) => HostKeyVerdict;
}

export function connectHost(host: SshHost, options: ConnectOptions): Promise<Client> {
  let privateKey: Buffer;
  try {
    privateKey = (options.readKey ?? readFileSync)(host.keyPath);
  } catch (error) {
    return Promise.reject(
      new HostCommandError({
        kind: 'unreachable',
        host: host.name,
        message: `I can't log in to ${host.name}: its key file ${host.keyPath} cannot be read (${describeError(error)}).`,
      }),
    );
  }
  return new Promise((resolve, reject) => {
    const client = new Client();
    let verdict: HostKeyVerdict | undefined;
    client.once('ready', () => {
      client.removeAllListeners('error');
      client.on('error', () => {}); // a later error closes it; the pool sees the close
      resolve(client);
    });
    client.once('error', (error) => {
      client.end();
      reject(new HostCommandError(failureOf(host, error, verdict), { cause: error }));
    });
    client.once('close', () =>
      reject(
        new HostCommandError(
          verdict && !verdict.ok
            ? { kind: 'host-key', host: host.name, message: verdict.message }
            : {
                kind: 'unreachable',
                host: host.name,
                message: `${host.name} closed the connection before I could log in.`,
              },
        ),
      ),
    );
    try {
      client.connect({
        host: host.address,
        port: host.port,
        username: host.user,
        privateKey,
        readyTimeout: options.timeoutMs,
        keepaliveInterval: options.keepaliveIntervalMs,
        keepaliveCountMax: options.keepaliveCountMax,
        // AES-GCM runs in OpenSSL; ssh2's chacha20-poly1305 (its first choice) is partly JavaScript.
        algorithms: {
          cipher: [
            'aes128-gcm@openssh.com',
            'aes256-gcm@openssh.com',
            'aes128-ctr',
            'aes256-ctr',
            'chacha20-poly1305@openssh.com',
          ],
        },
        hostVerifier: (keyBlob: Buffer) => {
          verdict = (options.verify ?? ((blob: Buffer) => verifyHostKey(host, blob)))(keyBlob);
          return verdict.ok;
        },
      });
    } catch (error) {
      reject(new HostCommandError(failureOf(host, error, verdict), { cause: error }));
    }
  });
}

function failureOf(host: SshHost, error: unknown, verdict: HostKeyVerdict | undefined): HostCommandFailure {
  if (verdict && !verdict.ok) return { kind: 'host-key', host: host.name, message: verdict.message };
  const { level, code } = error as { level?: string; code?: string };
  const where = `${host.address}:${host.port}`;
  if (level === 'client-authentication')
    return {
      kind: 'unreachable',
      host: host.name,
      message: `${host.name} refused my login as ${host.user} with the key ${host.keyPath}; add its public key to ~${host.user}/.ssh/authorized_keys on ${host.name}.`,
    };
  if (level === 'client-timeout')
    return {
      kind: 'unreachable',
      host: host.name,
      message: `${host.name} is not reachable: ${where} did not answer in time.`,
    };
  const reason =
    code === 'ECONNREFUSED'
      ? 'nothing accepts SSH connections there'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `the name ${host.address} does not resolve`
        : code === 'EHOSTUNREACH' || code === 'ENETUNREACH'
          ? 'there is no route to it'
          : describeError(error).slice(0, 120);
  return { kind: 'unreachable', host: host.name, message: `${host.name} is not reachable at ${where}: ${reason}.` };
}
