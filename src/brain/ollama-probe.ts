import { Ollama } from 'ollama';
import type { Logger } from '../log.js';
import type { EngineProbe } from '../probe.js';
import type { FetchFunction } from './brain-types.js';
import { withSignal } from './chat-stream.js';
import { toBrainError } from './ollama-errors.js';

export interface OllamaProbeOptions {
  host: string;
  model: string;
  fetch?: FetchFunction;
  timeoutMs?: number;
}

const toolModels = 'qwen2.5:7b or llama3.1:8b';

/**
 * `sysvox doctor`'s Ollama line: is the server up (/api/version), is the model pulled (/api/tags),
 * can it call tools (/api/show capabilities)? Each failure says what to run.
 */
export async function probeOllama(options: OllamaProbeOptions): Promise<EngineProbe> {
  const { host, model } = options;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 5000);
  const client = new Ollama({ host, fetch: withSignal(options.fetch ?? fetch, signal) });
  const name = 'ollama';
  try {
    const { version } = await client.version();
    const { models } = await client.list();
    const pulled = models.some((entry) => sameModel(entry.name, model) || sameModel(entry.model, model));
    if (!pulled) {
      return {
        name,
        status: 'fail',
        detail: `Ollama ${version} at ${host} does not have model ${model}`,
        fix: `ollama pull ${model}`,
      };
    }
    const shown = await client.show({ model });
    const capabilities = shown.capabilities ?? [];
    if (!capabilities.includes('tools')) {
      return {
        name,
        status: 'fail',
        detail: `model ${model} cannot call tools (capabilities: ${capabilities.join(', ') || 'none listed'}); only the router will answer`,
        fix: `choose a tool-capable model such as ${toolModels}: set ollama.model and run 'ollama pull <model>'`,
      };
    }
    return { name, status: 'ok', detail: `Ollama ${version} at ${host}, model ${model} can call tools` };
  } catch (error) {
    const failure = toBrainError(error, {
      host,
      model,
      timedOut: signal.aborted ? 'overall' : undefined,
      timeoutMs: options.timeoutMs ?? 5000,
    });
    return {
      name,
      status: 'fail',
      detail: failure.message,
      fix: `start Ollama ('systemctl start ollama') or set ollama.host; it is at ${host} now`,
    };
  }
}

/** Run once at start by the service: logs a warning with the fix when the brain cannot use tools. */
export async function checkToolCapability(options: OllamaProbeOptions & { log: Logger }): Promise<EngineProbe> {
  const result = await probeOllama(options);
  if (result.status !== 'ok') options.log.warn(`ollama: ${result.detail}`, { fix: result.fix });
  return result;
}

/** "llama3.1" means "llama3.1:latest", as in the ollama CLI. */
function sameModel(listed: string | undefined, wanted: string): boolean {
  if (!listed) return false;
  const withTag = (name: string) => (name.includes(':') ? name : `${name}:latest`);
  return withTag(listed) === withTag(wanted);
}
