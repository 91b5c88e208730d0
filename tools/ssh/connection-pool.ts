/**
 * One ssh2 connection per host, kept open and shared by every command to it (no handshake per
 * question). Keepalives find a dead peer; a dropped connection is replaced in the background with
 * backoff, and while a host is failing, calls fail at once with the last reason instead of waiting.
 * Each command has a deadline (queueing, connecting and running together) and at most
 * `maxChannelsPerHost` run at once per host; more wait in turn.
 */
import type { Client, ClientChannel, SFTPWrapper } from 'ssh2';
import { createBackoff, type Backoff, type BackoffOptions } from '../../src/backoff.js';
import type { Logger } from '../../src/log.js';
import { HostCommandError, type HostCommandFailure } from '../../src/toolkit/host-commands.js';
import { createChannelLimit, type ChannelLimit } from './channel-limit.js';
import { connectHost, type SshHost } from './connect-host.js';
import { collectExec, openExec, remoteCommandLine, type RemoteExecOptions } from './remote-exec.js';

export interface ConnectionPoolOptions {
  hosts: readonly SshHost[];
  log: Logger;
  connectTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  maxChannelsPerHost?: number;
  backoff?: BackoffOptions;
  readKey?: (path: string) => Buffer;
  clock?: () => number;
}

export type HostConnectionState = 'idle' | 'connecting' | 'connected' | 'failing';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  truncated: boolean;
}

export interface ConnectionPool {
  /**
   * Runs argv on the host (each word single-quoted, under `timeout -s KILL` so the host ends it even if
   * the connection is lost); rejects with a HostCommandError when it could not run or timed out.
   */
  exec(host: string, argv: readonly string[], options: RemoteExecOptions): Promise<ExecResult>;
  /** An open exec channel for streaming (docker system dial-stdio); counts against the host's cap until it closes. */
  stream(host: string, argv: readonly string[], options: { timeoutMs: number }): Promise<ClientChannel>;
  /**
   * The host's SFTP session, opened once per connection and kept (it holds one session beside the capped
   * commands); null when the host has no SFTP subsystem.
   */
  sftp(host: string, options: { timeoutMs: number }): Promise<SFTPWrapper | null>;
  state(host: string): { state: HostConnectionState; lastFailure: HostCommandFailure | null };
  close(): void;
}

interface Slot {
  host: SshHost;
  client: Client | null;
  connecting: Promise<Client> | null;
  backoff: Backoff;
  retryAt: number;
  lastFailure: HostCommandFailure | null;
  limit: ChannelLimit;
  reconnect: NodeJS.Timeout | null;
  sftp: { client: Client; session: Promise<SFTPWrapper | null> } | null;
}

export function createConnectionPool(options: ConnectionPoolOptions): ConnectionPool {
  const clock = options.clock ?? Date.now;
  const log = options.log.child('ssh');
  let closed = false;
  const slots = new Map<string, Slot>(
    options.hosts.map((host) => [
      host.name,
      {
        host,
        client: null,
        connecting: null,
        backoff: createBackoff(options.backoff ?? { initialMs: 1000, maxMs: 60_000 }),
        retryAt: 0,
        lastFailure: null,
        limit: createChannelLimit(options.maxChannelsPerHost ?? 4),
        reconnect: null,
        sftp: null,
      },
    ]),
  );

  function slotOf(name: string): Slot {
    const slot = slots.get(name);
    if (!slot)
      throw new HostCommandError({
        kind: 'unknown-host',
        host: name,
        message: `I don't know a host called ${name.slice(0, 63)}.`,
      });
    return slot;
  }

  function connect(slot: Slot, timeoutMs: number): Promise<Client> {
    if (slot.client) return Promise.resolve(slot.client);
    if (slot.lastFailure && clock() < slot.retryAt) return Promise.reject(new HostCommandError(slot.lastFailure));
    slot.connecting ??= connectHost(slot.host, {
      timeoutMs: Math.min(timeoutMs, options.connectTimeoutMs ?? 5000),
      keepaliveIntervalMs: options.keepaliveIntervalMs ?? 15_000,
      keepaliveCountMax: options.keepaliveCountMax ?? 3,
      readKey: options.readKey,
    }).then(
      (client) => adopt(slot, client),
      (error: unknown) => {
        slot.connecting = null;
        if (error instanceof HostCommandError) {
          slot.lastFailure = error.failure;
          slot.retryAt = clock() + slot.backoff.next();
          log.warn('host connection failed', { host: slot.host.name, kind: error.failure.kind });
        }
        throw error;
      },
    );
    return slot.connecting;
  }

  function adopt(slot: Slot, client: Client): Client {
    slot.connecting = null;
    slot.lastFailure = null;
    slot.backoff.reset();
    if (closed) {
      client.end();
      return client;
    }
    slot.client = client;
    client.once('close', () => {
      if (slot.client !== client) return;
      slot.client = null;
      log.warn('host connection dropped', { host: slot.host.name });
      scheduleReconnect(slot);
    });
    return client;
  }

  /** After a drop: connect again in the background, backing off while it keeps failing. */
  function scheduleReconnect(slot: Slot): void {
    if (closed || slot.reconnect) return;
    const delay = Math.max(slot.retryAt - clock(), 200);
    slot.reconnect = setTimeout(() => {
      slot.reconnect = null;
      if (closed || slot.client) return;
      connect(slot, options.connectTimeoutMs ?? 5000).catch(() => scheduleReconnect(slot));
    }, delay);
    slot.reconnect.unref();
  }

  function dropClient(slot: Slot, client: Client): void {
    if (slot.client === client) slot.client = null;
    client.end();
  }

  /** An exec channel, trying a fresh connection once when the pooled one turns out to be dead. */
  async function channelOn(slot: Slot, command: string, deadline: number): Promise<ClientChannel> {
    for (let attempt = 1; ; attempt += 1) {
      const client = await connect(slot, Math.max(deadline - clock(), 1));
      try {
        return await openExec(client, command);
      } catch (error) {
        dropClient(slot, client);
        if (attempt >= 2)
          throw new HostCommandError(
            { kind: 'unreachable', host: slot.host.name, message: `${slot.host.name} dropped the connection.` },
            { cause: error },
          );
      }
    }
  }

  /** The SFTP session of a connection: null when the host has no SFTP; rejects when the connection is dead. */
  function openSftp(slot: Slot, client: Client): Promise<SFTPWrapper | null> {
    return new Promise<SFTPWrapper | null>((resolve, reject) => {
      try {
        client.sftp((error, sftp) => {
          if (error) return resolve(null);
          sftp.once('close', () => {
            if (slot.sftp?.client === client) slot.sftp = null;
          });
          resolve(sftp);
        });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  function timeoutFailure(slot: Slot, timeoutMs: number): HostCommandError {
    const seconds = Math.round(timeoutMs / 100) / 10;
    return new HostCommandError({
      kind: 'timeout',
      host: slot.host.name,
      message: `The command on ${slot.host.name} took longer than ${seconds} seconds and was stopped.`,
    });
  }

  async function withChannel<T>(slot: Slot, timeoutMs: number, work: (deadline: number) => Promise<T>): Promise<T> {
    const deadline = clock() + timeoutMs;
    let release: () => void;
    try {
      release = await slot.limit.acquire(AbortSignal.timeout(timeoutMs));
    } catch {
      throw timeoutFailure(slot, timeoutMs);
    }
    try {
      return await work(deadline);
    } finally {
      release();
    }
  }

  return {
    async exec(host, argv, execOptions) {
      const slot = slotOf(host);
      const command = `LC_ALL=C exec timeout -s KILL ${Math.ceil(execOptions.timeoutMs / 1000) + 1} ${remoteCommandLine(argv)}`;
      return withChannel(slot, execOptions.timeoutMs, async (deadline) => {
        const channel = await channelOn(slot, command, deadline);
        const outcome = await collectExec(channel, { ...execOptions, timeoutMs: Math.max(deadline - clock(), 1) });
        if (outcome.kind === 'timeout') throw timeoutFailure(slot, execOptions.timeoutMs);
        const { kind: _kind, ...result } = outcome;
        return result;
      });
    },
    async stream(host, argv, streamOptions) {
      const slot = slotOf(host);
      const command = remoteCommandLine(argv);
      const deadline = clock() + streamOptions.timeoutMs;
      const release = await slot.limit.acquire(AbortSignal.timeout(streamOptions.timeoutMs)).catch(() => {
        throw timeoutFailure(slot, streamOptions.timeoutMs);
      });
      try {
        const channel = await channelOn(slot, command, deadline);
        channel.once('close', release);
        return channel;
      } catch (error) {
        release();
        throw error;
      }
    },
    async sftp(host, sftpOptions) {
      const slot = slotOf(host);
      // A pooled connection the host has dropped may not have said so yet: ssh2 then throws "Not
      // connected". Drop it and connect once more, which either works or says the host is not reachable.
      for (let attempt = 1; ; attempt += 1) {
        const client = await connect(slot, sftpOptions.timeoutMs);
        if (slot.sftp?.client !== client) slot.sftp = { client, session: openSftp(slot, client) };
        try {
          return await slot.sftp.session;
        } catch (error) {
          if (slot.sftp?.client === client) slot.sftp = null;
          dropClient(slot, client);
          if (attempt >= 2)
            throw new HostCommandError(
              { kind: 'unreachable', host: slot.host.name, message: `${slot.host.name} dropped the connection.` },
              { cause: error },
            );
        }
      }
    },
    state(host) {
      const slot = slotOf(host);
      const state: HostConnectionState = slot.client
        ? 'connected'
        : slot.connecting
          ? 'connecting'
          : slot.lastFailure
            ? 'failing'
            : 'idle';
      return { state, lastFailure: slot.lastFailure };
    },
    close() {
      closed = true;
      for (const slot of slots.values()) {
        if (slot.reconnect) clearTimeout(slot.reconnect);
        slot.client?.end();
        slot.client = null;
      }
    },
  };
}
