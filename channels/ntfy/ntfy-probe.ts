/**
 * `sysvox doctor` for ntfy, without publishing: GET /v1/health ({ healthy: true }), then, when a token
 * is set, GET /v1/account with it (ntfy's account endpoint, read-only): 401 means the token is wrong.
 * Whether the token may write to the topic only a real publish shows (`sysvox alerts test`).
 */
import type { NtfyConfig } from '../../src/config/ntfy-schema.js';
import type { EngineProbe } from '../../src/probe.js';
import { neutraliseControls } from '../../src/toolkit/terminal-safe.js';
import { exchange, type Fetch, type HttpExchange } from '../push/http-exchange.js';
import { createSecretRedactor } from '../push/push-channel.js';
import { serverEndpoint } from '../push/server-url.js';
import { ntfyFix } from './ntfy-channel.js';

export async function probeNtfy(ntfy: NtfyConfig, options: { fetch?: Fetch } = {}): Promise<EngineProbe> {
  if (ntfy.topic === undefined)
    return { name: 'ntfy', status: 'fail', detail: 'ntfy topic missing: set channels.ntfy.topic' };
  const request = {
    timeoutMs: ntfy.timeout,
    fetch: options.fetch ?? globalThis.fetch,
    redact: createSecretRedactor([ntfy.token]),
  };
  const health = await exchange({ ...request, method: 'GET', url: serverEndpoint(ntfy.url, 'v1/health') });
  if (!health.ok)
    return {
      name: 'ntfy',
      status: 'fail',
      detail: `${ntfy.url}: ${health.reason}`,
      fix:
        health.status === undefined
          ? 'start ntfy, or correct channels.ntfy.url'
          : ntfyFix(health.status).replace(/^; /, '') || 'look at the ntfy server and its reverse proxy',
    };
  if ((health.json as { healthy?: unknown } | undefined)?.healthy !== true)
    return { name: 'ntfy', status: 'warn', detail: `${ntfy.url} answers but does not report itself healthy` };
  if (ntfy.token === undefined)
    return { name: 'ntfy', status: 'ok', detail: `${ntfy.url} is healthy; no token (an open topic)` };
  return checkToken(ntfy.url, ntfy.token, request);
}

/** GET /v1/account with the token: its user, "*" (anonymous) when the server has no access control, or 401. */
async function checkToken(
  url: string,
  token: string,
  request: Pick<HttpExchange, 'timeoutMs' | 'fetch' | 'redact'>,
): Promise<EngineProbe> {
  const account = await exchange({
    ...request,
    method: 'GET',
    url: serverEndpoint(url, 'v1/account'),
    headers: { authorization: `Bearer ${token}` },
  });
  const username = account.ok ? (account.json as { username?: unknown } | undefined)?.username : undefined;
  if (account.ok && typeof username === 'string' && username !== '' && username !== '*')
    return {
      name: 'ntfy',
      status: 'ok',
      detail: `${url} is healthy and accepts the token (user ${neutraliseControls(username).slice(0, 40)})`,
    };
  if (account.ok)
    return {
      name: 'ntfy',
      status: 'ok',
      detail: `${url} is healthy; it has no access control, so the token is not used`,
    };
  if (account.status === 401 || account.status === 403)
    return {
      name: 'ntfy',
      status: 'fail',
      detail: `${url} is healthy but refused the token (${account.reason})`,
      fix: 'check channels.ntfy.token or SYSVOX_NTFY_TOKEN (ntfy token list shows the valid ones)',
    };
  return { name: 'ntfy', status: 'warn', detail: `${url} is healthy; token not checked (${account.reason})` };
}
