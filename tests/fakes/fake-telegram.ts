/**
 * A fake Telegram Bot API server on 127.0.0.1 speaking the real wire format, so the real telegraf
 * client is what gets tested: POST /bot<token>/<method> with JSON or multipart bodies, answers
 * { ok: true, result } or { ok: false, error_code, description, parameters }, and
 * GET /file/bot<token>/<file_path>. Records every call; failures can be scripted per method. Like
 * Telegram, getUpdates answers 409 while a webhook is set (setWebhook/deleteWebhook change it).
 * Recorded examples of the wire format: tests/fakes/telegram-wire/.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTelegramCall {
  method: string;
  params: Record<string, unknown>;
  /** Multipart file parts by field name (sendVoice puts the audio under "voice"). */
  files: Record<string, { filename: string; contentType: string; data: Buffer }>;
}

export type ScriptedFailure =
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'unauthorized' }
  | { kind: 'server-error' }
  | { kind: 'connection-reset' }
  /** 403 as Telegram sends it when the person blocked the bot. */
  | { kind: 'blocked' }
  /** 409 as Telegram sends it when another getUpdates poller uses the same token. */
  | { kind: 'conflict' };

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  calls: FakeTelegramCall[];
  callsTo(method: string): FakeTelegramCall[];
  /** Texts the bot sent to a chat (sendMessage), in order, as the person sees them. */
  sentTexts(chatId: number): string[];
  /** Queues an update; update_id is assigned in order. Returns the full update. */
  enqueueUpdate(update: Record<string, unknown>): Record<string, unknown> & { update_id: number };
  /** Makes a file downloadable through getFile and /file/bot<token>/<path>. */
  addFile(fileId: string, data: Buffer): void;
  failNext(method: string, failure: ScriptedFailure, times?: number): void;
  /** Forgets confirmations, as if the last getUpdates offset never reached Telegram (a crash). */
  forgetConfirmations(): void;
  waitFor(predicate: (calls: FakeTelegramCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface FakeTelegramOptions {
  token?: string;
  /** Upper bound on how long a getUpdates long poll is held, whatever timeout the client asked for. */
  maxHoldMs?: number;
  /** A webhook left set from earlier (getUpdates then fails with 409 until deleteWebhook). */
  webhookUrl?: string;
}

/** The bot as it appears in Message.from. */
export const botSender = { id: 7000001, is_bot: true, first_name: 'sysvox', username: 'sysvox_test_bot' };
/** The bot as getMe describes it. */
export const botUser = {
  ...botSender,
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const state = createState(options.token ?? '123456789:TEST-token-for-the-fake-server', options.maxHoldMs ?? 300);
  state.webhookUrl = options.webhookUrl ?? '';
  const server = createServer((request, response) => {
    route(state, request, response).catch((error: unknown) =>
      reply(response, 500, { ok: false, error_code: 500, description: String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return buildHandle(state, server, `http://127.0.0.1:${port}`);
}

interface FakeState {
  token: string;
  maxHoldMs: number;
  calls: FakeTelegramCall[];
  updates: (Record<string, unknown> & { update_id: number })[];
  confirmedBelow: number;
  nextUpdateId: number;
  nextMessageId: number;
  files: Map<string, Buffer>;
  failures: Map<string, ScriptedFailure[]>;
  waiters: Set<() => void>;
  webhookUrl: string;
}

function createState(token: string, maxHoldMs: number): FakeState {
  return {
    token,
    maxHoldMs,
    calls: [],
    updates: [],
    confirmedBelow: 0,
    nextUpdateId: 1000,
    nextMessageId: 1,
    files: new Map(),
    failures: new Map(),
    waiters: new Set(),
    webhookUrl: '',
  };
}

function buildHandle(state: FakeState, server: Server, apiRoot: string): FakeTelegram {
  const notify = () => state.waiters.forEach((wake) => wake());
  return {
    apiRoot,
    token: state.token,
    calls: state.calls,
    callsTo: (method) => state.calls.filter((call) => call.method === method),
    sentTexts: (chatId) =>
      state.calls
        .filter((call) => call.method === 'sendMessage' && call.params.chat_id === chatId)
        .map((call) => shownText(call.params)),
    enqueueUpdate(update) {
      const full = { ...update, update_id: state.nextUpdateId++ };
      state.updates.push(full);
      notify();
      return full;
    },
    addFile: (fileId, data) => void state.files.set(fileId, data),
    failNext(method, failure, times = 1) {
      const queue = state.failures.get(method) ?? [];
      for (let index = 0; index < times; index += 1) queue.push(failure);
      state.failures.set(method, queue);
    },
    forgetConfirmations: () => void (state.confirmedBelow = 0),
    waitFor: (predicate, timeoutMs = 5000) => waitFor(state, predicate, timeoutMs),
    async close() {
      notify();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function waitFor(
  state: FakeState,
  predicate: (calls: FakeTelegramCall[]) => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate(state.calls)) {
    if (Date.now() > deadline)
      throw new Error(
        `fake Telegram: condition not met in ${timeoutMs} ms; calls: ${state.calls.map((call) => call.method).join(', ')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function route(state: FakeState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://fake');
  const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
  if (request.method === 'GET' && fileMatch) return serveFile(state, fileMatch[1] ?? '', fileMatch[2] ?? '', response);
  const methodMatch = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
  if (!methodMatch) return reply(response, 404, { ok: false, error_code: 404, description: 'Not Found' });
  const method = methodMatch[2] ?? '';
  const call = await readCall(request, method);
  state.calls.push(call);
  if (methodMatch[1] !== state.token)
    return reply(response, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
  const failure = state.failures.get(method)?.shift();
  if (failure) return fail(failure, response);
  const result = await answer(state, call);
  if ('error_code' in result) return reply(response, result.error_code, { ok: false, ...result });
  return reply(response, 200, { ok: true, result: result.value });
}

function fail(failure: ScriptedFailure, response: ServerResponse): void {
  if (failure.kind === 'connection-reset') return void response.socket?.destroy();
  if (failure.kind === 'unauthorized')
    return reply(response, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
  if (failure.kind === 'blocked')
    return reply(response, 403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
  if (failure.kind === 'conflict')
    return reply(response, 409, {
      ok: false,
      error_code: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
  if (failure.kind === 'server-error')
    return reply(response, 502, { ok: false, error_code: 502, description: 'Bad Gateway' });
  reply(response, 429, {
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${failure.retryAfterSeconds}`,
    parameters: { retry_after: failure.retryAfterSeconds },
  });
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function serveFile(state: FakeState, token: string, filePath: string, response: ServerResponse): void {
  const data =
    token === state.token ? state.files.get(filePath.replace(/^voice\//, '').replace(/\.oga$/, '')) : undefined;
  state.calls.push({ method: 'file-download', params: { file_path: filePath }, files: {} });
  if (!data) return reply(response, 404, { ok: false, error_code: 404, description: 'Not Found' });
  response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length });
  response.end(data);
}

async function readCall(request: IncomingMessage, method: string): Promise<FakeTelegramCall> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return { method, ...(await parseMultipart(body, contentType)) };
  const params =
    body.length > 0 && contentType.includes('json') ? (JSON.parse(body.toString()) as Record<string, unknown>) : {};
  return { method, params, files: {} };
}

/** Multipart parsing through the platform's own parser (undici's Response.formData). */
async function parseMultipart(body: Buffer, contentType: string): Promise<Omit<FakeTelegramCall, 'method'>> {
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  const params: Record<string, unknown> = {};
  const files: FakeTelegramCall['files'] = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') params[name] = parseField(value);
    else files[name] = { filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) };
  }
  return { params, files };
}

function parseField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

type Answer = { value: unknown } | { error_code: number; description: string };

async function answer(state: FakeState, call: FakeTelegramCall): Promise<Answer> {
  const params = call.params;
  switch (call.method) {
    case 'getMe':
      return { value: botUser };
    case 'deleteWebhook':
      state.webhookUrl = '';
      return { value: true };
    case 'setWebhook':
      state.webhookUrl = String(params.url ?? '');
      return { value: true };
    case 'sendChatAction':
    case 'answerCallbackQuery':
      return { value: true };
    case 'getUpdates':
      if (state.webhookUrl !== '')
        return {
          error_code: 409,
          description:
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        };
      return { value: await serveUpdates(state, params) };
    case 'sendMessage':
    case 'editMessageText':
      return textMessage(state, params);
    case 'getFile':
      return describeFile(state, String(params.file_id));
    case 'sendVoice': {
      const voice = call.files.voice;
      if (!voice) return { error_code: 400, description: 'Bad Request: there is no voice in the request' };
      const message = {
        message_id: state.nextMessageId++,
        from: botSender,
        chat: { id: params.chat_id, type: 'private' },
        date: now(),
      };
      return {
        value: {
          ...message,
          voice: {
            file_id: `sent-${message.message_id}`,
            file_unique_id: `u${message.message_id}`,
            duration: 1,
            mime_type: 'audio/ogg',
            file_size: voice.data.length,
          },
        },
      };
    }
    default:
      return { error_code: 404, description: 'Not Found: method not found' };
  }
}

async function serveUpdates(state: FakeState, params: Record<string, unknown>): Promise<unknown[]> {
  const offset = Number(params.offset ?? 0);
  if (offset > 0) state.confirmedBelow = Math.max(state.confirmedBelow, offset);
  const pending = () => state.updates.filter((update) => update.update_id >= state.confirmedBelow);
  if (pending().length === 0) {
    const holdMs = Math.min(Number(params.timeout ?? 0) * 1000, state.maxHoldMs);
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        state.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, holdMs);
      state.waiters.add(wake);
    });
  }
  return pending().slice(0, Number(params.limit ?? 100));
}

/** Validates like Telegram does: HTML must parse and the parsed text must fit in 4096 characters. */
function textMessage(state: FakeState, params: Record<string, unknown>): Answer {
  const raw = String(params.text ?? '');
  const text = params.parse_mode === 'HTML' ? parseHtml(raw) : raw;
  if (text === undefined)
    return { error_code: 400, description: "Bad Request: can't parse entities: unsupported start tag" };
  if (text.trim() === '') return { error_code: 400, description: 'Bad Request: message text is empty' };
  if (text.length > 4096) return { error_code: 400, description: 'Bad Request: message is too long' };
  const messageId = params.message_id === undefined ? state.nextMessageId++ : Number(params.message_id);
  const markup = params.reply_markup === undefined ? {} : { reply_markup: params.reply_markup };
  return {
    value: {
      message_id: messageId,
      from: botSender,
      chat: { id: params.chat_id, type: 'private' },
      date: now(),
      text,
      ...markup,
    },
  };
}

/** The text a person sees for a sendMessage/editMessageText call (HTML parsed like Telegram does). */
export function shownText(params: Record<string, unknown>): string {
  const raw = String(params.text ?? '');
  return params.parse_mode === 'HTML' ? (parseHtml(raw) ?? raw) : raw;
}

function parseHtml(html: string): string | undefined {
  const withoutTags = html.replace(/<\/?(b|i|u|s|code|pre)>/g, '');
  if (/<|>/.test(withoutTags) || /&(?!(amp|lt|gt|quot);)/.test(withoutTags)) return undefined;
  return withoutTags
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function describeFile(state: FakeState, fileId: string): Answer {
  const data = state.files.get(fileId);
  if (!data) return { error_code: 400, description: 'Bad Request: invalid file_id' };
  return {
    value: {
      file_id: fileId,
      file_unique_id: `unique-${fileId}`,
      file_size: data.length,
      file_path: `voice/${fileId}.oga`,
    },
  };
}

const now = () => Math.floor(Date.now() / 1000);
