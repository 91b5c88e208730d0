/**
 * GET over node:http/https for model downloads: follows redirects (Hugging Face and GitHub send the
 * file from a CDN), sends a Range header when resuming, and honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY
 * from the environment. Node's global fetch ignores those variables unless node starts with
 * NODE_USE_ENV_PROXY=1; an http(s).Agent built with `proxyEnv` (Node 22.21+) applies them per request.
 */
import { Agent as HttpAgent, request as httpRequest, type AgentOptions, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface HttpGetOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Idle socket timeout: a stalled download fails instead of hanging. */
  idleTimeoutMs?: number;
}

export interface HttpClient {
  get(url: string, options?: HttpGetOptions): Promise<IncomingMessage>;
  close(): void;
}

/** Node 22.21+ reads proxy settings from this; @types/node 22.20 does not know the option yet. */
interface ProxyAgentOptions extends AgentOptions {
  proxyEnv?: NodeJS.ProcessEnv;
}

const maxRedirects = 5;

export function createHttpClient(environment: NodeJS.ProcessEnv = process.env): HttpClient {
  const agentOptions: ProxyAgentOptions = { keepAlive: false, proxyEnv: proxyVariables(environment) };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);

  async function get(url: string, options: HttpGetOptions = {}, hops = 0): Promise<IncomingMessage> {
    const response = await send(url, options);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (hops >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects from ${url}`);
      return get(new URL(response.headers.location, url).toString(), options, hops + 1);
    }
    return response;
  }

  function send(url: string, options: HttpGetOptions): Promise<IncomingMessage> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    if (!secure && target.protocol !== 'http:') return Promise.reject(new Error(`unsupported URL ${url}`));
    const request = secure ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        target,
        {
          agent: secure ? https : http,
          headers: { 'user-agent': 'sysvox-models', ...options.headers },
          signal: options.signal,
        },
        resolve,
      );
      outgoing.setTimeout(options.idleTimeoutMs ?? 60_000, () =>
        outgoing.destroy(
          new Error(`no data from ${target.host} for ${Math.round((options.idleTimeoutMs ?? 60_000) / 1000)} s`),
        ),
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  return {
    get,
    close() {
      http.destroy();
      https.destroy();
    },
  };
}

/** Only the proxy variables (both spellings) reach the agent. */
function proxyVariables(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const names = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
  return Object.fromEntries(names.filter((name) => environment[name]).map((name) => [name, environment[name]]));
}
