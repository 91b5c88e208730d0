/**
 * A model download server for tests: a real node:http server on 127.0.0.1 that serves bytes with HTTP
 * Range support (206 and Content-Range, as Hugging Face and GitHub's CDN do), records every request,
 * and can misbehave the ways real servers do: cut the connection half way, ignore Range and answer
 * 200, or declare a wrong Content-Length. Also a forward proxy that records what passes through it.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export type Misbehaviour = 'cut-first-transfer' | 'ignore-range';

export interface SeenRequest {
  path: string;
  range: string | undefined;
}

export interface ModelServer {
  url(path: string): string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startModelServer(
  files: Record<string, Uint8Array>,
  misbehaviour: Record<string, Misbehaviour> = {},
): Promise<ModelServer> {
  const seen: SeenRequest[] = [];
  const cut = new Set<string>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    seen.push({ path, range: request.headers.range });
    const bytes = files[path];
    if (!bytes) return void response.writeHead(404).end('not found');
    const match = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const start = match && misbehaviour[path] !== 'ignore-range' ? Number(match[1]) : 0;
    if (start >= bytes.length && start > 0) return void response.writeHead(416).end();
    const body = bytes.subarray(start);
    response.writeHead(start > 0 ? 206 : 200, {
      'content-length': body.length,
      'accept-ranges': 'bytes',
      ...(start > 0 ? { 'content-range': `bytes ${start}-${bytes.length - 1}/${bytes.length}` } : {}),
    });
    if (misbehaviour[path] === 'cut-first-transfer' && !cut.has(path)) {
      cut.add(path);
      // FIN after the first half (not a reset, which could drop bytes the client has not read yet).
      response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.end());
      return;
    }
    response.end(body);
  });
  const base = await listen(server);
  return { url: (path) => `${base}${path}`, seen, close: () => closeServer(server) };
}

export interface ProxyServer {
  url: string;
  /** The request targets as the proxy received them (absolute-form for plain HTTP). */
  seen: string[];
  close(): Promise<void>;
}

/**
 * A forward proxy: relays plain-HTTP requests (`GET http://host/path`); a CONNECT (an https URL) is
 * recorded as `CONNECT host:port` and refused with 502, since no test server here speaks TLS.
 */
export async function startProxy(): Promise<ProxyServer> {
  const seen: string[] = [];
  const server = createServer((incoming: IncomingMessage, outgoing) => {
    seen.push(incoming.url ?? '');
    const relay = httpRequest(
      incoming.url ?? '',
      { method: incoming.method, headers: incoming.headers },
      (upstream) => {
        outgoing.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(outgoing);
      },
    );
    relay.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(relay);
  });
  server.on('connect', (incoming: IncomingMessage, socket: Duplex) => {
    seen.push(`CONNECT ${incoming.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  const url = await listen(server);
  return { url, seen, close: () => closeServer(server) };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
