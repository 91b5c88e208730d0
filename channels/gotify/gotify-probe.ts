/**
 * `sysvox doctor` for Gotify, without sending a message: GET /health (Gotify's documented health
 * endpoint, { health, database }), then the application token. Gotify has no read-only endpoint that
 * takes an application token, so the token is checked with a POST /message that carries no message:
 * Gotify checks the token first (401 when wrong) and then refuses the empty body (400), so nothing is
 * ever created or shown on a phone.
 */
import type { GotifyConfig } from '../../src/config/gotify-schema.js';
import type { EngineProbe } from '../../src/probe.js';
import { neutraliseControls } from '../../src/toolkit/terminal-safe.js';
import { exchange, type Fetch, type HttpExchange, type HttpOutcome } from '../push/http-exchange.js';
import { createSecretRedactor } from '../push/push-channel.js';
import { serverEndpoint } from '../push/server-url.js';
import { gotifyFix, gotifyProblem } from './gotify-channel.js';

export async function probeGotify(gotify: GotifyConfig, options: { fetch?: Fetch } = {}): Promise<EngineProbe> {
  const problem = gotifyProblem(gotify);
  if (problem !== undefined) return { name: 'gotify', status: 'fail', detail: problem };
  const url = gotify.url!;
  const request = {
    timeoutMs: gotify.timeout,
    fetch: options.fetch ?? globalThis.fetch,
    redact: createSecretRedactor([gotify.token]),
  };
  const health = await exchange({ ...request, method: 'GET', url: serverEndpoint(url, 'health') });
  const reported = health.json as { health?: unknown; database?: unknown } | undefined;
  if (typeof reported?.health === 'string' && reported.health !== 'green')
    return {
      name: 'gotify',
      status: 'fail',
      detail: `${url} answers but reports health ${shown(reported.health)}, database ${shown(reported.database)}`,
      fix: "look at the Gotify server's own log: it cannot reach its database, so it cannot store messages",
    };
  if (!health.ok) return unhealthy(url, health);
  return checkApplicationToken(url, gotify.token!, request);
}

/** A message without text: 401 for a wrong token, 400 ("message is required") for a right one. */
async function checkApplicationToken(
  url: string,
  token: string,
  request: Pick<HttpExchange, 'timeoutMs' | 'fetch' | 'redact'>,
): Promise<EngineProbe> {
  const outcome = await exchange({
    ...request,
    method: 'POST',
    url: serverEndpoint(url, 'message'),
    headers: { 'content-type': 'application/json', 'x-gotify-key': token },
    body: '{}',
  });
  if (outcome.ok || outcome.status === 400)
    return { name: 'gotify', status: 'ok', detail: `${url} is healthy and accepts the application token` };
  if (outcome.status === 401 || outcome.status === 403)
    return {
      name: 'gotify',
      status: 'fail',
      detail: `${url} is healthy but refused the application token (${outcome.reason})`,
      fix: gotifyFix(outcome.status).replace(/^; /, ''),
    };
  return { name: 'gotify', status: 'warn', detail: `${url} is healthy; token not checked (${outcome.reason})` };
}

function unhealthy(url: string, outcome: Extract<HttpOutcome, { ok: false }>): EngineProbe {
  const fix =
    outcome.status === undefined
      ? 'start Gotify, or correct channels.gotify.url'
      : gotifyFix(outcome.status).replace(/^; /, '') || 'look at the Gotify server and its reverse proxy';
  return { name: 'gotify', status: 'fail', detail: `${url}: ${outcome.reason}`, fix };
}

/** A value the server reported, safe to print: no terminal controls, not longer than a word or two. */
const shown = (value: unknown) => neutraliseControls(String(value)).slice(0, 40);
