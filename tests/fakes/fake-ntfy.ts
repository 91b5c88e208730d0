/**
 * A fake ntfy server speaking ntfy's documented HTTP API (docs.ntfy.sh/publish, server/errors.go), so
 * the real channel code is what gets tested: POST or PUT /<topic> publishes the body as the message,
 * with Title, Priority (1-5 or min/low/default/high/urgent/max) and Tags headers (and their X- and short
 * aliases), and answers 200 with { id, time, expires, event: "message", topic, message, title, priority,
 * tags }; a body over 4096 bytes arrives as a file attachment instead. A protected topic needs "Authorization: Bearer <token>": none gets 403, a wrong one 401; a
 * publish limit gives 429; errors are ntfy's JSON { code, http, error, link }. GET /v1/health answers
 * { healthy: true } and GET /v1/account names the token's user. Recorded examples: tests/fakes/ntfy-wire/.
 */
import { randomBytes } from 'node:crypto';
import {
  header,
  startRecordingServer,
  type Answer,
  type ReceivedRequest,
  type RecordingServer,
} from './push-server.js';

export interface NtfyPublishedMessage {
  id: string;
  time: number;
  expires: number;
  event: 'message';
  topic: string;
  message: string;
  title?: string;
  priority?: number;
  tags?: string[];
  /** A body over 4096 bytes is not a message but a file (docs.ntfy.sh/publish: attachments). */
  attachment?: { name: string; type: string; size: number };
}

export interface FakeNtfy extends RecordingServer {
  /** The messages ntfy published, as subscribers receive them. */
  messages(): NtfyPublishedMessage[];
}

export interface FakeNtfyOptions {
  /** When set, access control is on and every topic is protected: publishing needs this access token. */
  token?: string;
  /** The user the token belongs to (GET /v1/account). */
  username?: string;
  /** "/ntfy" serves ntfy under http://127.0.0.1:<port>/ntfy/, as behind a reverse proxy. */
  pathPrefix?: string;
  /** Publishes allowed before every further one gets 429 (ntfy's visitor request limit). */
  publishLimit?: number;
}

const authLink = 'https://ntfy.sh/docs/publish/#authentication';
const errors = {
  unauthorized: { code: 40101, http: 401, error: 'unauthorized', link: authLink },
  forbidden: { code: 40301, http: 403, error: 'forbidden', link: authLink },
  tooManyRequests: {
    code: 42901,
    http: 429,
    error: 'limit reached: too many requests, please be nice',
    link: 'https://ntfy.sh/docs/publish/#limitations',
  },
  priorityInvalid: {
    code: 40007,
    http: 400,
    error: 'invalid priority parameter',
    link: 'https://ntfy.sh/docs/publish/#message-priority',
  },
  notFound: { code: 40401, http: 404, error: 'page not found' },
};
const fail = (error: (typeof errors)[keyof typeof errors]): Answer => ({ status: error.http, json: error });

const topicPath = /^\/([-_A-Za-z0-9]{1,64})$/;
const priorityNames: Record<string, number> = { min: 1, low: 2, default: 3, high: 4, urgent: 5, max: 5 };

export async function startFakeNtfy(options: FakeNtfyOptions = {}): Promise<FakeNtfy> {
  const messages: NtfyPublishedMessage[] = [];
  let publishes = 0;

  /** undefined: anonymous; null: a token ntfy does not know; else the user. Without access control, ntfy ignores tokens. */
  const userOf = (request: ReceivedRequest): string | null | undefined => {
    const authorization = header(request, 'authorization');
    if (authorization === undefined || options.token === undefined) return undefined;
    const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
    return token === options.token ? (options.username ?? 'phil') : null;
  };

  const publish = (request: ReceivedRequest, topic: string): Answer => {
    const user = userOf(request);
    if (user === null) return fail(errors.unauthorized);
    if (options.token !== undefined && user === undefined) return fail(errors.forbidden);
    publishes += 1;
    if (options.publishLimit !== undefined && publishes > options.publishLimit) return fail(errors.tooManyRequests);
    const first = (...names: string[]) =>
      names.map((name) => header(request, name)).find((value) => value !== undefined);
    const priorityText = first('x-priority', 'priority', 'prio', 'p');
    const priority =
      priorityText === undefined
        ? undefined
        : (priorityNames[priorityText.toLowerCase()] ?? (/^[1-5]$/.test(priorityText) ? Number(priorityText) : NaN));
    if (priority !== undefined && Number.isNaN(priority)) return fail(errors.priorityInvalid);
    const title = first('x-title', 'title', 't');
    const tags = first('x-tags', 'tags', 'tag', 'ta');
    const time = Math.floor(Date.now() / 1000);
    const message: NtfyPublishedMessage = {
      id: randomBytes(9).toString('base64url').slice(0, 12),
      time,
      expires: time + 43_200,
      event: 'message',
      topic,
      ...bodyAsMessage(request.text),
      ...(title === undefined ? {} : { title }),
      ...(priority === undefined ? {} : { priority }),
      ...(tags === undefined ? {} : { tags: tags.split(',').map((tag) => tag.trim()) }),
    };
    messages.push(message);
    return { status: 200, json: message };
  };

  const server = await startRecordingServer({
    name: 'ntfy',
    pathPrefix: options.pathPrefix,
    route(request) {
      if (request.method === 'GET' && request.path === '/v1/health') return { status: 200, json: { healthy: true } };
      if (request.method === 'GET' && request.path === '/v1/account') {
        const user = userOf(request);
        if (user === null) return fail(errors.unauthorized);
        return {
          status: 200,
          json: user === undefined ? { username: '*', role: 'anonymous' } : { username: user, role: 'user' },
        };
      }
      const topic = topicPath.exec(request.path)?.[1];
      if ((request.method === 'POST' || request.method === 'PUT') && topic !== undefined)
        return publish(request, topic);
      return fail(errors.notFound);
    },
  });
  return { ...server, messages: () => [...messages] };
}

const messageLimitBytes = 4096;

function bodyAsMessage(text: string): Pick<NtfyPublishedMessage, 'message' | 'attachment'> {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > messageLimitBytes)
    return {
      message: 'You received a file: attachment.txt',
      attachment: { name: 'attachment.txt', type: 'text/plain; charset=utf-8', size },
    };
  return { message: text === '' ? 'triggered' : text };
}
