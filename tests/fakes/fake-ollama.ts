import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Ollama server on 127.0.0.1 that speaks the real wire format (see ollama-wire/): /api/chat
 * streams NDJSON, tool calls arrive whole in a done:false chunk with arguments as an object, and a
 * done:true chunk closes the stream. Each /api/chat request takes the next scripted turn. Every
 * request body is recorded, so a test can assert what reached the model.
 */
export interface FakeToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

/** Content chunks are streamed first, then the tool calls (if any) in one chunk, then done. */
export interface ScriptedTurn {
  content?: string[];
  toolCalls?: FakeToolCall[];
  chunkDelayMs?: number;
}

export type FakeTurn =
  | ScriptedTurn
  /** Accepts the request and never answers: no headers, no body. */
  | { behaviour: 'hang' }
  | { behaviour: 'http500'; error?: string }
  /** A model that only emits template tokens and whitespace. */
  | { behaviour: 'garbage' }
  /** A 200 NDJSON response whose body is these raw bytes (broken JSON, binary junk), then the end. */
  | { behaviour: 'raw'; body: string | Uint8Array }
  /** Streams these content chunks in the real format, then drops the connection before the done chunk. */
  | { behaviour: 'cut'; content: string[] }
  /** Streams these content chunks (maybe none) in the real format, then neither sends more nor ends. */
  | { behaviour: 'stall'; content: string[] };

export interface FakeOllamaOptions {
  model?: string;
  /** What /api/show lists; drop 'tools' for a model that cannot call tools. */
  capabilities?: string[];
  /** Models /api/tags lists; defaults to [model]. */
  pulled?: string[];
  version?: string;
  turns?: FakeTurn[];
  clock?: () => Date;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface FakeOllama {
  url: string;
  requests: RecordedRequest[];
  /** Bodies of the /api/chat requests, in order. */
  chatBodies(): ChatBody[];
  /** Appends turns to the script (a turn that needs what an earlier one produced, such as an approval id). */
  enqueue(...more: FakeTurn[]): void;
  /** How many chat responses the client closed before they ended. */
  abortedChats(): number;
  waitForAbortedChat(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface ChatBody {
  model: string;
  messages: { role: string; content: string; tool_calls?: unknown[]; tool_name?: string }[];
  tools?: { type: string; function: { name: string } }[];
  stream?: boolean;
  keep_alive?: string | number;
  options?: Record<string, unknown>;
}

export async function startFakeOllama(options: FakeOllamaOptions = {}): Promise<FakeOllama> {
  const model = options.model ?? 'qwen2.5:7b';
  const clock = options.clock ?? (() => new Date());
  const turns = [...(options.turns ?? [])];
  const requests: RecordedRequest[] = [];
  let aborted = 0;
  const abortWaiters: (() => void)[] = [];

  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      requests.push({ method: request.method ?? 'GET', path, body });
      if (path === '/api/chat') {
        response.on('close', () => {
          if (response.writableEnded) return;
          aborted++;
          abortWaiters.splice(0).forEach((wake) => wake());
        });
        return answerChat(response, turns.shift(), { model, clock });
      }
      return answerModelApi(response, path, body, { ...options, model, clock });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    chatBodies: () => requests.filter((entry) => entry.path === '/api/chat').map((entry) => entry.body as ChatBody),
    enqueue: (...more) => void turns.push(...more),
    abortedChats: () => aborted,
    waitForAbortedChat: (timeoutMs = 2000) =>
      aborted > 0
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('the client never closed the chat request')), timeoutMs);
            abortWaiters.push(() => {
              clearTimeout(timer);
              resolve();
            });
          }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface ChunkContext {
  model: string;
  clock: () => Date;
}

/** The NDJSON lines of one scripted turn, exactly as Ollama would stream them. */
function chatChunks(turn: ScriptedTurn, context: ChunkContext): object[] {
  const base = () => ({ model: context.model, created_at: context.clock().toISOString() });
  const chunks: object[] = (turn.content ?? []).map((text) => ({
    ...base(),
    message: { role: 'assistant', content: text },
    done: false,
  }));
  if (turn.toolCalls?.length) {
    const toolCalls = turn.toolCalls.map((call, index) => ({
      function: { index, name: call.name, arguments: call.arguments },
    }));
    chunks.push({ ...base(), message: { role: 'assistant', content: '', tool_calls: toolCalls }, done: false });
  }
  chunks.push({
    ...base(),
    message: { role: 'assistant', content: '' },
    done_reason: 'stop',
    done: true,
    total_duration: 885095291,
    load_duration: 3753500,
    prompt_eval_count: 122,
    prompt_eval_duration: 328493000,
    eval_count: 33,
    eval_duration: 552222000,
  });
  return chunks;
}

async function answerChat(response: ServerResponse, turn: FakeTurn | undefined, context: ChunkContext): Promise<void> {
  if (!turn) return sendJson(response, 500, { error: 'fake-ollama: no scripted turn left for this /api/chat request' });
  if ('behaviour' in turn) {
    if (turn.behaviour === 'hang') return;
    if (turn.behaviour === 'raw') {
      response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      response.end(turn.body);
      return;
    }
    if (turn.behaviour === 'cut' || turn.behaviour === 'stall') {
      response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      // The content chunks only: the done chunk is the last one chatChunks builds.
      for (const chunk of chatChunks({ content: turn.content }, context).slice(0, -1))
        response.write(`${JSON.stringify(chunk)}\n`);
      if (turn.behaviour === 'cut') setTimeout(() => response.destroy(), 20);
      return;
    }
    if (turn.behaviour === 'http500')
      return sendJson(response, 500, { error: turn.error ?? 'llama runner process has terminated: exit status 2' });
    return answerChat(response, { content: ['<|im_start|>', '  ', '\n', '<|im_end|>'] }, context);
  }
  response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  for (const chunk of chatChunks(turn, context)) {
    if (response.destroyed) return;
    response.write(`${JSON.stringify(chunk)}\n`);
    if (turn.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, turn.chunkDelayMs));
  }
  response.end();
}

function answerModelApi(
  response: ServerResponse,
  path: string,
  body: unknown,
  options: FakeOllamaOptions & ChunkContext,
): void {
  if (path === '/api/version') return sendJson(response, 200, { version: options.version ?? '0.12.6' });
  if (path === '/api/tags')
    return sendJson(response, 200, {
      models: (options.pulled ?? [options.model]).map((name) => tagEntry(name, options.clock)),
    });
  if (path === '/api/show') {
    const wanted = (body as { model?: string } | undefined)?.model ?? '';
    if (!(options.pulled ?? [options.model]).map(withTag).includes(withTag(wanted)))
      return sendJson(response, 404, { error: `model '${wanted}' not found` });
    return sendJson(response, 200, showEntry(options.capabilities ?? ['completion', 'tools'], options.clock));
  }
  sendJson(response, 404, { error: `fake-ollama: ${path} is not served` });
}

function tagEntry(name: string, clock: () => Date): object {
  return {
    name,
    model: name,
    modified_at: clock().toISOString(),
    size: 4683087332,
    digest: '845dbda0ea48ed749caafd9e6037047aa19acfcfd82e704d7ca97d631a0b697e',
    details: {
      parent_model: '',
      format: 'gguf',
      family: 'qwen2',
      families: ['qwen2'],
      parameter_size: '7.6B',
      quantization_level: 'Q4_K_M',
    },
  };
}

function showEntry(capabilities: string[], clock: () => Date): object {
  return {
    license: 'Apache License 2.0',
    modelfile: '# Modelfile generated by "ollama show"',
    parameters: 'stop "<|im_start|>"\nstop "<|im_end|>"',
    template: '{{- if .Messages }}...',
    details: {
      parent_model: '',
      format: 'gguf',
      family: 'qwen2',
      families: ['qwen2'],
      parameter_size: '7.6B',
      quantization_level: 'Q4_K_M',
    },
    model_info: { 'general.architecture': 'qwen2', 'qwen2.context_length': 32768 },
    capabilities,
    modified_at: clock().toISOString(),
  };
}

/** "llama3.1" is "llama3.1:latest" to Ollama. */
function withTag(name: string): string {
  return name.includes(':') ? name : `${name}:latest`;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
