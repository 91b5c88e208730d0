import type { Logger } from '../log.js';
import type { OllamaToolSpec } from '../toolkit/registry.js';
import type { Brain, BrainInvoke, FetchFunction, OllamaSettings } from './brain-types.js';
import { probeOllama } from './ollama-probe.js';
import { runToolLoop } from './tool-loop.js';

export interface BrainOptions {
  /** config.ollama */
  ollama: OllamaSettings;
  /** What the model may call: ToolRegistry.offered() (blocked tools are never in it). */
  tools: OllamaToolSpec[];
  /** The policy runner; a request's own invoke (bound to its caller) wins. */
  invoke?: BrainInvoke;
  /** "restart container 'plex'" for tool-call events; defaults to the tool name. */
  describe?: (tool: string, input: unknown) => string;
  log: Logger;
  fetch?: FetchFunction;
}

/** The LLM engine: an Ollama tool-calling loop streamed as BrainEvents. */
export function createBrain(options: BrainOptions): Brain {
  const context = {
    settings: options.ollama,
    tools: options.tools,
    offeredNames: new Set(options.tools.map((tool) => tool.function.name)),
    invoke: options.invoke,
    describe: options.describe ?? ((tool: string) => tool),
    fetch: options.fetch ?? fetch,
    log: options.log.child('brain'),
  };
  return {
    run: (request) => runToolLoop(context, request),
    probe: () => probeOllama({ host: options.ollama.host, model: options.ollama.model, fetch: context.fetch }),
  };
}
