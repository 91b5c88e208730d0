/**
 * The HTTP side of the metrics (config `metrics:`): GET /metrics in Prometheus text format from the
 * app's own registry, GET /healthz 200 or 503 by the same test as systemd's watchdog (the event loop
 * ticks on time) and whether the core is up. Anything else is 404. prom-client's process metrics
 * (memory, CPU, event loop lag) join the registry here, so only the service collects them. A port already taken is logged with
 * its fix and the service goes on without metrics.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, type Registry } from 'prom-client';
import type { ListenAddress } from '../config/metrics-schema.js';
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';

export interface ServiceHealth {
  healthy: boolean;
  /** Event loop lag in ms, when the heartbeat measures it. */
  lagMs?: number;
}

export interface MetricsServerOptions {
  listen: ListenAddress;
  registry: Registry;
  /** The event loop's health (the watchdog heartbeat); without one only the core's state counts. */
  loopHealth?: () => ServiceHealth;
  coreUp: () => boolean;
  log: Logger;
}

export interface MetricsServer {
  /** Where it listens, or undefined when it could not (the reason was logged). */
  readonly address: ListenAddress | undefined;
  close(): Promise<void>;
}

export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const log = options.log.child('metrics');
  collectDefaultMetrics({ register: options.registry });
  const server = createServer((request, response) => {
    answer(request, response, options).catch((error: unknown) => {
      log.error('metrics request failed', { error: describeError(error) });
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('internal error\n');
    });
  });
  const { host, port } = options.listen;
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const fix =
        error.code === 'EADDRINUSE'
          ? `another program uses port ${port}: stop it or set metrics.listen to a free port`
          : 'check metrics.listen';
      log.error('metrics endpoint not started; sysvox keeps running without it', {
        listen: `${host}:${port}`,
        error: describeError(error),
        fix,
      });
      resolve(false);
    });
    server.listen(port, host, () => resolve(true));
  });
  if (!listening) return { address: undefined, close: async () => {} };
  const bound = server.address() as AddressInfo;
  log.info('metrics endpoint listening', { url: `http://${hostForUrl(bound.address)}:${bound.port}/metrics` });
  return {
    address: { host: bound.address, port: bound.port },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(request: IncomingMessage, response: ServerResponse, options: MetricsServerOptions) {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'GET only\n');
  if (path === '/metrics') {
    const body = await options.registry.metrics();
    return send(response, 200, options.registry.contentType, body);
  }
  if (path === '/healthz') {
    const loop = options.loopHealth?.() ?? { healthy: true };
    const core = options.coreUp();
    const healthy = loop.healthy && core;
    const body = {
      status: healthy ? 'ok' : 'unhealthy',
      eventLoop: loop.healthy ? 'ok' : 'blocked',
      lagMs: loop.lagMs,
      core: core ? 'up' : 'down',
    };
    return send(response, healthy ? 200 : 503, 'application/json', `${JSON.stringify(body)}\n`);
  }
  return send(response, 404, 'text/plain', 'not found: try /metrics or /healthz\n');
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

const hostForUrl = (address: string) => (address.includes(':') ? `[${address}]` : address);
