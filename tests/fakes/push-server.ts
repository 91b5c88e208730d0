/**
 * The part the fake Gotify and ntfy servers share: a node:http server on 127.0.0.1:0, optionally under
 * a path prefix (as behind a reverse proxy: requests outside it get the proxy's plain 404), that records
 * every request it receives (method, path, headers, body) and can be told to answer the next POSTs
 * differently or not at all. The server-specific answers come from the `route` function.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** The path inside the prefix ("/message", "/alerts"), without the query. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The body as sent. */
  text: string;
  /** The body parsed as JSON when it is JSON, else the text. */
  body: unknown;
}

export interface Answer {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export interface RecordingServer {
  /** The base URL to configure, prefix included ("http://127.0.0.1:41234/gotify/"). */
  url: string;
  /** Every request received, in order. */
  received(): ReceivedRequest[];
  /** The POST (and PUT) requests received: what would have reached a phone, or tried to. */
  posts(): ReceivedRequest[];
  /** The next `times` POSTs get this answer instead of the server's own (a 500, a proxy's error page). */
  answerNext(answer: Answer, times?: number): void;
  /** While on, POSTs are recorded but never answered (a hung server); close() ends them. */
  stallPosts(on: boolean): void;
  waitFor(predicate: (received: ReceivedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface RecordingServerOptions {
  name: string;
  /** "/gotify" puts the server under http://127.0.0.1:<port>/gotify/ */
  pathPrefix?: string;
  route(request: ReceivedRequest): Answer;
}

export async function startRecordingServer(options: RecordingServerOptions): Promise<RecordingServer> {
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  const received: ReceivedRequest[] = [];
  const scripted: Answer[] = [];
  let stalled = false;
  const isPost = (request: ReceivedRequest) => request.method === 'POST' || request.method === 'PUT';

  const server = createServer((request, response) => {
    void readRequest(request, prefix).then((recorded) => {
      if (recorded === undefined) return send(response, { status: 404, text: '404 page not found\n' });
      received.push(recorded);
      if (isPost(recorded) && stalled) return;
      const answer = (isPost(recorded) ? scripted.shift() : undefined) ?? options.route(recorded);
      send(response, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}${prefix ? '/' : ''}`,
    received: () => [...received],
    posts: () => received.filter(isPost),
    answerNext(answer, times = 1) {
      for (let index = 0; index < times; index += 1) scripted.push(answer);
    },
    stallPosts: (on) => void (stalled = on),
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline)
          throw new Error(
            `fake ${options.name}: condition not met in ${timeoutMs} ms; received: ${received.map((request) => `${request.method} ${request.path}`).join(', ')}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The request inside the prefix, or undefined when it is outside (the reverse proxy has no route for it). */
async function readRequest(request: IncomingMessage, prefix: string): Promise<ReceivedRequest | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const url = new URL(request.url ?? '/', 'http://fake');
  if (prefix && !url.pathname.startsWith(`${prefix}/`)) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  return {
    method: request.method ?? 'GET',
    path: url.pathname.slice(prefix.length),
    query: Object.fromEntries(url.searchParams),
    headers: request.headers,
    text,
    body: parseJson(text) ?? text,
  };
}

function send(response: ServerResponse, answer: Answer): void {
  const json = answer.json !== undefined;
  response.writeHead(answer.status, {
    'content-type': json ? 'application/json' : 'text/plain; charset=utf-8',
    ...answer.headers,
  });
  response.end(json ? `${JSON.stringify(answer.json)}\n` : (answer.text ?? ''));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A header's single value (Node gives arrays for repeated headers). */
export function header(request: ReceivedRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
