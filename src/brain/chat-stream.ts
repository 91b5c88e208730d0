import { Ollama, type Message, type Tool, type ToolCall } from 'ollama';
import type { FetchFunction, OllamaSettings } from './brain-types.js';
import type { TimeoutKind } from './ollama-errors.js';

export type ChatPiece = { kind: 'content'; text: string } | { kind: 'tool-calls'; calls: ToolCall[] };

export interface ChatStreamOptions {
  settings: OllamaSettings;
  messages: Message[];
  tools: Tool[];
  fetch: FetchFunction;
  /** Aborts the HTTP request itself (caller's barge-in, or the brain's overall deadline). */
  signal: AbortSignal;
  /** Tells the caller which of our timers fired, so the error says "took too long". */
  onTimeout: (kind: TimeoutKind) => void;
  /** Called once Ollama has answered with a stream, so a broken connection after it reads "stopped midway". */
  onStarted?: () => void;
}

/**
 * One streamed /api/chat call. The ollama client cannot cancel a request it is still waiting on, so
 * the request goes through a fetch that carries our own signal: a first-token timer, the overall
 * deadline and the caller's abort all close the socket.
 */
export async function* streamChat(options: ChatStreamOptions): AsyncGenerator<ChatPiece> {
  const { settings } = options;
  const firstToken = new AbortController();
  const timer = setTimeout(() => {
    options.onTimeout('first-token');
    firstToken.abort(new Error('first-token timeout'));
  }, settings.firstTokenTimeoutMs);
  const signal = AbortSignal.any([options.signal, firstToken.signal]);
  const client = new Ollama({ host: settings.host, fetch: withSignal(options.fetch, signal) });
  try {
    signal.throwIfAborted();
    const stream = await client.chat({
      model: settings.model,
      messages: options.messages,
      tools: options.tools,
      stream: true,
      keep_alive: settings.keepAlive,
      options: { num_ctx: settings.numCtx },
    });
    options.onStarted?.();
    for await (const chunk of stream) {
      clearTimeout(timer);
      if (chunk.message?.content) yield { kind: 'content', text: chunk.message.content };
      if (chunk.message?.tool_calls?.length) yield { kind: 'tool-calls', calls: chunk.message.tool_calls };
    }
  } finally {
    clearTimeout(timer);
    // Closes the socket if the consumer stopped early; a no-op once the response has ended.
    firstToken.abort(new Error('stream closed'));
  }
}

/** A fetch that always carries `signal`, merged with any signal the client passes itself. */
export function withSignal(baseFetch: FetchFunction, signal: AbortSignal): FetchFunction {
  return (input, init) => {
    const signals = init?.signal ? [init.signal, signal] : [signal];
    return baseFetch(input, { ...init, signal: AbortSignal.any(signals) });
  };
}
