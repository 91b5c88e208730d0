/**
 * One HTTP request to a push server (Gotify, ntfy) that never throws: the answer's JSON, or one sentence
 * saying what went wrong (refused, unresolvable host, no answer in time, the server's own error message).
 * Redirects are not followed (a POST would turn into a GET, and the token could travel to another
 * host); everything the server sends back passes the token redactor and loses terminal controls.
 */
import { formatDuration } from '../../src/config/limits.js';
import { neutraliseControls } from '../../src/toolkit/terminal-safe.js';

export type Fetch = typeof globalThis.fetch;

export interface HttpExchange {
  method: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  fetch: Fetch;
  /** Removes the token (and anything else secret) from text that came from outside. */
  redact: (text: string) => string;
}

export type HttpOutcome =
  | { ok: true; status: number; json: unknown }
  /** status (and json, when the answer was JSON) are there when the server answered. */
  | { ok: false; reason: string; status?: number; json?: unknown };

/** Longest server error text kept in a reason; the rest is noise in a log line. */
const maxServerText = 200;

export async function exchange(request: HttpExchange): Promise<HttpOutcome> {
  let response: Response;
  try {
    response = await request.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    return { ok: false, reason: request.redact(describeNetworkFailure(error, request)) };
  }
  const text = await response.text().catch((error: unknown) => `(the answer broke off: ${errorCode(error)})`);
  if (response.ok) return { ok: true, status: response.status, json: parseJson(text) };
  const reason = request.redact(neutraliseControls(describeRefusal(response, text)));
  return { ok: false, status: response.status, json: parseJson(text), reason };
}

/** "401 Unauthorized: you need to provide a valid access token ..." from Gotify's or ntfy's error JSON. */
function describeRefusal(response: Response, text: string): string {
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location') ?? 'another address';
    return `${response.status} redirect to ${location}: use the address it names as the server url`;
  }
  const json = parseJson(text);
  const said = typeof json === 'object' && json !== null ? serverError(json as Record<string, unknown>) : undefined;
  if (said) return `${response.status} ${said}`;
  const plain = text.trim().startsWith('<') ? '' : (text.trim().split('\n')[0] ?? '');
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return plain ? `${status}: ${clip(plain)}` : status;
}

/** Gotify sends { error, errorCode, errorDescription }; ntfy sends { code, http, error, link }. */
function serverError(json: Record<string, unknown>): string | undefined {
  const error = typeof json.error === 'string' ? json.error : undefined;
  const description = typeof json.errorDescription === 'string' ? json.errorDescription : undefined;
  const said = error && description ? `${error}: ${description}` : (error ?? description);
  return said === undefined ? undefined : clip(said);
}

function describeNetworkFailure(error: unknown, request: HttpExchange): string {
  const where = request.url.host;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer from ${where} within ${formatDuration(request.timeoutMs)}`;
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') return `connection refused by ${where} (is the server running?)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${request.url.hostname} could not be resolved`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `${where} closed the connection without an answer`;
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return `no connection to ${where} (timed out)`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `${where} is unreachable from this machine`;
  if (/CERT|TLS|SSL/.test(code)) return `the TLS certificate of ${where} was not accepted (${code})`;
  return `could not reach ${where}: ${code}`;
}

/** The most specific code or message of a fetch failure (undici puts the socket error in `cause`). */
function errorCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > maxServerText ? `${text.slice(0, maxServerText)}...` : text;
}
