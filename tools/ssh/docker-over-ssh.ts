/**
 * The Docker API of another host over its pooled SSH connection: each HTTP connection dockerode opens
 * is an exec channel running `docker system dial-stdio` there (what `docker -H ssh://` does), so every
 * Docker tool (list, inspect, logs, stats, restart) works on any host unchanged, with no Docker port
 * opened and no second login. The command is a fixed allowlisted argv.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { HostCommandError } from '../../src/toolkit/host-commands.js';
import { checkHostCommand } from './command-allowlist.js';
import type { ConnectionPool } from './connection-pool.js';

const dialStdio = ['docker', 'system', 'dial-stdio'] as const;

/** Gives a channel the socket methods Node's HTTP client calls (setTimeout emits 'timeout' after idle). */
function asSocket(channel: Duplex): Duplex {
  let timer: NodeJS.Timeout | undefined;
  let idleMs = 0;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = idleMs > 0 ? setTimeout(() => channel.emit('timeout'), idleMs) : undefined;
  };
  channel.on('data', arm);
  channel.once('close', () => timer && clearTimeout(timer));
  const socket = channel as Duplex & Record<string, unknown>;
  socket.setTimeout = (ms: number, callback?: () => void) => {
    idleMs = ms;
    if (callback) channel.once('timeout', callback);
    arm();
    return channel;
  };
  socket.setNoDelay = () => channel;
  socket.setKeepAlive = () => channel;
  socket.ref = () => channel;
  socket.unref = () => channel;
  return channel;
}

export function createSshDockerAgent(options: {
  pool: ConnectionPool;
  host: string;
  connectTimeoutMs?: number;
}): http.Agent {
  const check = checkHostCommand(dialStdio);
  if (!check.ok) throw new Error(`the allowlist must allow ${dialStdio.join(' ')}`);
  const agent = new http.Agent({ keepAlive: false, maxSockets: 4 });
  const create = (_options: unknown, callback: (error: Error | null, socket?: Duplex) => void) => {
    options.pool
      .stream(options.host, dialStdio, { timeoutMs: options.connectTimeoutMs ?? 10_000 })
      .then((channel) => {
        channel.once('exit', (code: number | null) => {
          if (code === 127)
            channel.emit(
              'error',
              new HostCommandError({
                kind: 'not-installed',
                host: options.host,
                program: 'docker',
                message: `docker is not installed on ${options.host}.`,
              }),
            );
        });
        callback(null, asSocket(channel));
      })
      .catch((error: Error) => callback(error));
    return undefined;
  };
  (agent as unknown as { createConnection: typeof create }).createConnection = create;
  return agent;
}
