import type { EngineError } from '../errors.js';
import type { Config } from '../config/schema.js';
import type { TurnEvent } from '../types.js';
import type { InvokeOutcome } from '../policy/outcome.js';
import type { EngineProbe } from '../probe.js';

/** Calls a tool through the policy-enforcing runner; the core binds the caller. */
export type BrainInvoke = (tool: string, input: unknown, signal?: AbortSignal) => Promise<InvokeOutcome>;

export interface BrainRequest {
  text: string;
  /** Recent turns of this conversation, oldest first, as the core keeps them. */
  history: { role: 'user' | 'assistant'; content: string }[];
  /** Facts from memory ("nas is the storage box"). */
  facts: string[];
  /** Markdown notes per host, already loaded (see loadContextNotes). */
  contextNotes: string;
  /** Per-request invoke bound to the caller; wins over the one given to createBrain. */
  invoke?: BrainInvoke;
  /** Records (audits) a call the model asked for that the brain did not run, with the reason. */
  drop?: (tool: string, input: unknown, reason: string) => void;
  signal?: AbortSignal;
}

/**
 * The brain's final event. `text` is everything it said, i.e. the text-deltas joined: an error or
 * approval sentence is streamed as a delta too, so a splitter downstream hears it.
 */
export interface BrainDone {
  type: 'done';
  text: string;
  source: 'brain' | 'approval' | 'error';
  /** Set when the model could not answer (down, slow, HTTP error); `text` holds its spoken sentence. */
  error?: EngineError;
  /** The caller's signal aborted the turn (barge-in); no error sentence was added. */
  cancelled?: boolean;
}

/** The same tool and approval events as a turn, so the core can re-emit them unchanged. */
export type BrainEvent =
  Extract<TurnEvent, { type: 'text-delta' | 'tool-call' | 'tool-result' | 'approval-request' }> | BrainDone;

export interface Brain {
  run(request: BrainRequest): AsyncIterable<BrainEvent>;
  /** One `sysvox doctor` line: reachable, model pulled, model can call tools. */
  probe(): Promise<EngineProbe>;
}

export type OllamaSettings = Pick<
  Config['ollama'],
  'host' | 'model' | 'numCtx' | 'keepAlive' | 'requestTimeoutMs' | 'firstTokenTimeoutMs' | 'maxToolSteps'
>;

export type FetchFunction = typeof fetch;
