/**
 * A fake Discord on 127.0.0.1 speaking the real wire format over real sockets, so the real discord.js
 * (its REST client and its gateway shard) is what gets tested. REST under /api/v10: GET /gateway/bot
 * (whose url points at this server's gateway), GET /users/@me, guild command bulk overwrite,
 * interaction callbacks, webhook follow-ups and edits, channel messages and typing; a wrong
 * "Authorization: Bot <token>" gets Discord's 401. The gateway (a WebSocket from the `ws` package):
 * HELLO, IDENTIFY -> READY and one GUILD_CREATE per guild, heartbeats answered with op 11, and
 * dispatch() for INTERACTION_CREATE, MESSAGE_CREATE and the rest. Every REST call is recorded.
 * The payloads come from tests/fakes/discord-wire/ (Discord's documentation examples).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { botUser, guildCreate, readyEvent, wireExample } from './discord-wire.js';

export interface FakeDiscordCall {
  method: string;
  /** Without the /api/v10 prefix, e.g. /channels/645027906669510667/messages. */
  path: string;
  body: unknown;
  authorization: string | undefined;
}

export interface SentMessage {
  id: string;
  channel_id: string;
  content: string;
  components: unknown[];
  flags?: number;
}

export interface FakeDiscord {
  apiRoot: string;
  token: string;
  calls: FakeDiscordCall[];
  callsTo(method: string, pathPattern: RegExp): FakeDiscordCall[];
  /** Gateway payloads the client sent (IDENTIFY, heartbeats ...), in order. */
  gatewayReceived: { op: number; d: unknown }[];
  /** Every message the bot created or edited, by id (the latest content). */
  messages: Map<string, SentMessage>;
  /** Message contents as they appear in a channel (posts, interaction replies and follow-ups), in order. */
  textsIn(channelId: string): string[];
  /** Sends a dispatch (op 0) to every connected client; the sequence number is assigned here. */
  dispatch(type: string, data: unknown): void;
  /** Sends the withheld READY (and GUILD_CREATE) to every identified connection, and READY from now on. */
  releaseReady(): void;
  /** Closes every gateway connection with `code` (4000: an unknown error, which a client resumes after). */
  dropConnections(code: number): void;
  /** Asks the client for an immediate heartbeat (op 1 from Discord). */
  requestHeartbeat(): void;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface FakeDiscordOptions {
  token?: string;
  /** The guilds the bot is on (GUILD_CREATE after READY); default the one from guild-create.json. */
  guilds?: Record<string, unknown>[];
  /** The gateway accepts IDENTIFY but never sends READY (a Discord outage as the client sees it). */
  withholdReady?: boolean;
}

export const fakeToken = 'ODAzNTExMTAyMjQ2Nzg5MTI.GfakeT.0123456789abcdefghijklmnopqrstuvwxyzABCD';

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? fakeToken;
  const calls: FakeDiscordCall[] = [];
  const gatewayReceived: FakeDiscord['gatewayReceived'] = [];
  const messages = new Map<string, SentMessage>();
  const order: SentMessage[] = [];
  /** An interaction token -> the message its @original means (a button's message, or the deferred reply). */
  const originals = new Map<string, string>();
  const sockets = new Set<WebSocket>();
  let sequence = 0;
  let nextMessageId = 1000000000000000001n;

  const server: Server = createServer((request, response) => void handle(request, response));
  const gateway = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    if (!request.url?.startsWith('/gateway')) return socket.destroy();
    gateway.handleUpgrade(request, socket, head, (ws) => onGatewayConnection(ws));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;
  const send = (ws: WebSocket, payload: unknown) => ws.send(JSON.stringify(payload));
  const dispatchTo = (ws: WebSocket, type: string, data: unknown) =>
    send(ws, { op: 0, s: ++sequence, t: type, d: data });

  function onGatewayConnection(ws: WebSocket): void {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    send(ws, wireExample('hello.json').payload);
    ws.on('message', (raw: Buffer) => {
      const payload = JSON.parse(raw.toString('utf8')) as { op: number; d: Record<string, unknown> };
      gatewayReceived.push(payload);
      if (payload.op === 1) send(ws, { op: 11 });
      // RESUME (op 6) after a drop: replay nothing, say RESUMED (Gateway > Resuming).
      if (payload.op === 6) dispatchTo(ws, 'RESUMED', {});
      if (payload.op !== 2) return;
      if (payload.d.token !== token) return ws.close(4004, 'Authentication failed.');
      identified.add(ws);
      if (!withholdReady) sendReady(ws);
    });
  }

  let withholdReady = options.withholdReady ?? false;
  const identified = new Set<WebSocket>();
  function sendReady(ws: WebSocket): void {
    const guilds = options.guilds ?? [guildCreate()];
    // A resume goes to resume_gateway_url: this gateway, not the documentation's example host.
    const ready = { ...readyEvent(guilds.map((guild) => String(guild.id))), resume_gateway_url: gatewayUrl() };
    dispatchTo(ws, 'READY', ready);
    for (const guild of guilds) dispatchTo(ws, 'GUILD_CREATE', guild);
  }

  const storeMessage = (channelId: string, body: Record<string, unknown>, id = String(nextMessageId++)) => {
    const message: SentMessage = {
      id,
      channel_id: channelId,
      content: String(body.content ?? ''),
      components: (body.components as unknown[] | undefined) ?? [],
      flags: body.flags as number | undefined,
    };
    if (!messages.has(id)) order.push(message);
    else Object.assign(order.find((each) => each.id === id) ?? {}, message);
    messages.set(id, message);
    return fullMessage(message);
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/api\/v10/, '');
    const call = {
      method: request.method ?? 'GET',
      path,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
      authorization: request.headers.authorization,
    };
    calls.push(call);
    const reply = (status: number, body?: unknown) => {
      response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const withoutAuth = /^\/(interactions|webhooks)\//.test(path);
    if (!withoutAuth && call.authorization !== `Bot ${token}`)
      return reply(401, wireExample('error-unauthorized.json').response);
    reply(...route(call, url));
  }

  function route(call: FakeDiscordCall, url: URL): [number, unknown?] {
    const body = (call.body ?? {}) as Record<string, unknown>;
    const match = (pattern: RegExp) => pattern.exec(call.path);
    if (call.method === 'GET' && call.path === '/gateway/bot')
      return [200, { ...(wireExample('gateway-bot.json').response as object), url: gatewayUrl() }];
    if (call.method === 'GET' && /^\/users\/(@|%40)me$/.test(call.path)) return [200, botUser()];
    const commands = match(/^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/);
    if (call.method === 'PUT' && commands)
      return [
        200,
        (call.body as Record<string, unknown>[]).map((command, index) => ({
          id: String(771825006014889984n + BigInt(index)),
          application_id: commands[1],
          guild_id: commands[2],
          version: '1',
          type: 1,
          ...command,
        })),
      ];
    const callback = match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (call.method === 'POST' && callback) return interactionCallback(callback[2] ?? '', body);
    const original = match(/^\/webhooks\/\d+\/([^/]+)\/messages\/(?:@|%40)original$/);
    if (call.method === 'PATCH' && original) {
      const id = originals.get(original[1] ?? '');
      const channelId = (id && messages.get(id)?.channel_id) || '0';
      return [200, storeMessage(channelId, body, id)];
    }
    const followUp = match(/^\/webhooks\/\d+\/([^/]+)$/);
    if (call.method === 'POST' && followUp) {
      const first = messages.get(originals.get(followUp[1] ?? '') ?? '');
      return [200, storeMessage(first?.channel_id ?? '0', body)];
    }
    const channelMessages = match(/^\/channels\/(\d+)\/messages$/);
    if (call.method === 'POST' && channelMessages) return [200, storeMessage(channelMessages[1] ?? '', body)];
    if (call.method === 'POST' && match(/^\/channels\/\d+\/typing$/)) return [204];
    void url;
    return [404, { message: 'Unknown route in the fake Discord', code: 0 }];
  }

  /** Type 4/5 create the reply message (in the interaction's channel); 6/7 point @original at the button's message. */
  function interactionCallback(interactionToken: string, body: Record<string, unknown>): [number, unknown?] {
    const pending = interactionChannels.get(interactionToken);
    if (body.type === 4 || body.type === 5) {
      const data = (body.data ?? {}) as Record<string, unknown>;
      const created = storeMessage(pending?.channelId ?? '0', body.type === 4 ? data : { ...data, content: '' });
      originals.set(interactionToken, String(created.id));
    } else if (pending?.messageId) originals.set(interactionToken, pending.messageId);
    if (body.type === 7 && pending?.messageId)
      storeMessage(pending.channelId, (body.data ?? {}) as Record<string, unknown>, pending.messageId);
    return [204];
  }

  /** Interaction token -> where it came from, learnt from what dispatch() sent. */
  const interactionChannels = new Map<string, { channelId: string; messageId?: string }>();

  return {
    apiRoot: `http://127.0.0.1:${port}/api`,
    token,
    calls,
    callsTo: (method, pattern) => calls.filter((call) => call.method === method && pattern.test(call.path)),
    gatewayReceived,
    messages,
    textsIn: (channelId) => order.filter((message) => message.channel_id === channelId).map((m) => m.content),
    dispatch(type, data) {
      if (type === 'INTERACTION_CREATE') {
        const interaction = data as { token: string; channel_id: string; message?: { id: string } };
        interactionChannels.set(interaction.token, {
          channelId: interaction.channel_id,
          messageId: interaction.message?.id,
        });
      }
      for (const ws of sockets) dispatchTo(ws, type, data);
    },
    releaseReady() {
      withholdReady = false;
      for (const ws of identified) if (sockets.has(ws)) sendReady(ws);
    },
    dropConnections(code) {
      for (const ws of sockets) ws.close(code, 'dropped by the test');
    },
    requestHeartbeat() {
      for (const ws of sockets) send(ws, { op: 1, d: sequence });
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('the fake Discord did not see what the test waited for');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A message object as Discord returns it from Create Message (tests/fakes/discord-wire/create-message.json). */
function fullMessage(message: SentMessage): Record<string, unknown> {
  const template = wireExample('create-message.json').response as Record<string, unknown>;
  return {
    ...template,
    id: message.id,
    channel_id: message.channel_id,
    content: message.content,
    components: message.components,
    flags: message.flags ?? 0,
  };
}
