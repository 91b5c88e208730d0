/**
 * A fake Gotify server speaking Gotify's documented HTTP API (gotify/server, swagger spec), so the real
 * channel code is what gets tested: POST /message takes an application token (X-Gotify-Key header,
 * "Authorization: Bearer" or ?token=) and a JSON body { title, message, priority, extras }, and answers
 * 200 with the created message { id, appid, message, title, priority, extras, date }; a wrong token
 * gets 401 and a body without a message 400, both as Gotify's error JSON { error, errorCode,
 * errorDescription }. GET /health answers { health, database }. Recorded examples: tests/fakes/gotify-wire/.
 */
import {
  header,
  startRecordingServer,
  type Answer,
  type ReceivedRequest,
  type RecordingServer,
} from './push-server.js';

export interface GotifyStoredMessage {
  id: number;
  appid: number;
  message: string;
  title: string;
  priority: number;
  extras?: Record<string, unknown>;
  date: string;
}

export interface FakeGotify extends RecordingServer {
  token: string;
  /** The messages Gotify created, as its clients would show them. */
  messages(): GotifyStoredMessage[];
  /** What GET /health reports: a database that Gotify cannot reach makes it 500 { orange, red }. */
  setDatabaseDown(down: boolean): void;
}

export interface FakeGotifyOptions {
  /** The application token Gotify accepts. */
  token?: string;
  /** "/gotify" serves Gotify under http://127.0.0.1:<port>/gotify/, as behind a reverse proxy. */
  pathPrefix?: string;
  /** The application's name (a message without a title gets it) and default priority. */
  application?: { id: number; name: string; defaultPriority: number };
}

const unauthorized = {
  error: 'Unauthorized',
  errorCode: 401,
  errorDescription: 'you need to provide a valid access token or user credentials to access this api',
};

export async function startFakeGotify(options: FakeGotifyOptions = {}): Promise<FakeGotify> {
  const token = options.token ?? 'AQx9.fakeGotifyAppToken';
  const application = options.application ?? { id: 1, name: 'sysvox', defaultPriority: 0 };
  const messages: GotifyStoredMessage[] = [];
  let databaseDown = false;

  const createMessage = (request: ReceivedRequest): Answer => {
    const presented = header(request, 'x-gotify-key') ?? bearer(request) ?? request.query.token;
    if (presented !== token) return { status: 401, json: unauthorized };
    const body = request.body as Partial<GotifyStoredMessage> | string;
    if (typeof body !== 'object' || body === null || typeof body.message !== 'string' || body.message === '')
      return {
        status: 400,
        json: { error: 'Bad Request', errorCode: 400, errorDescription: "Field 'message' is required" },
      };
    const message: GotifyStoredMessage = {
      id: messages.length + 1,
      appid: application.id,
      message: body.message,
      title: typeof body.title === 'string' && body.title.trim() !== '' ? body.title : application.name,
      priority: typeof body.priority === 'number' ? body.priority : application.defaultPriority,
      ...(body.extras ? { extras: body.extras } : {}),
      date: new Date().toISOString(),
    };
    messages.push(message);
    return { status: 200, json: message };
  };

  const server = await startRecordingServer({
    name: 'Gotify',
    pathPrefix: options.pathPrefix,
    route(request) {
      if (request.method === 'GET' && request.path === '/health')
        return databaseDown
          ? { status: 500, json: { health: 'orange', database: 'red' } }
          : { status: 200, json: { health: 'green', database: 'green' } };
      if (request.method === 'POST' && request.path === '/message') return createMessage(request);
      return { status: 404, json: { error: 'Not Found', errorCode: 404, errorDescription: 'page not found' } };
    },
  });
  return {
    ...server,
    token,
    messages: () => [...messages],
    setDatabaseDown: (down) => void (databaseDown = down),
  };
}

function bearer(request: ReceivedRequest): string | undefined {
  const match = /^Bearer (.+)$/i.exec(header(request, 'authorization') ?? '');
  return match?.[1];
}
