import { EngineError, describeError } from '../errors.js';

export type TimeoutKind = 'first-token' | 'overall';

export interface FailureContext {
  host: string;
  model: string;
  /** Set when our own timer aborted the request. */
  timedOut?: TimeoutKind;
  timeoutMs?: number;
  /** Ollama had already answered with a stream: a reset now means it broke off, not that it is unreachable. */
  streaming?: boolean;
}

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
]);

/**
 * Turns whatever the Ollama client threw into one EngineError: `message` tells the operator what to
 * fix, `spoken` is the one sentence the user hears.
 */
export function toBrainError(error: unknown, context: FailureContext): EngineError {
  if (error instanceof EngineError) return error;
  const { host, model } = context;
  if (context.timedOut) {
    const what = context.timedOut === 'first-token' ? 'sent nothing' : 'did not finish';
    return new EngineError(
      'ollama',
      `Ollama at ${host} ${what} within ${context.timeoutMs} ms (model ${model}); raise ollama.${context.timedOut === 'first-token' ? 'firstTokenTimeoutMs' : 'requestTimeoutMs'} or pick a smaller model`,
      {
        cause: error,
        transient: true,
        spoken: 'The language model took too long to answer.',
      },
    );
  }
  const code = networkCode(error);
  if (code && unreachableCodes.has(code) && !context.streaming) {
    return new EngineError(
      'ollama',
      `cannot reach Ollama at ${host} (${code}): start it with 'systemctl start ollama' or set ollama.host`,
      {
        cause: error,
        transient: true,
        spoken: `I can't reach the language model at ${host} right now.`,
      },
    );
  }
  const status = statusCode(error);
  if (status === 404) {
    return new EngineError(
      'ollama',
      `Ollama at ${host} does not have model ${model}: run 'ollama pull ${model}' (${describeError(error)})`,
      {
        cause: error,
        spoken: `The language model ${model} is not installed.`,
      },
    );
  }
  if (status !== undefined) {
    return new EngineError(
      'ollama',
      `Ollama at ${host} answered HTTP ${status}: ${describeError(error)}; check 'journalctl -u ollama'`,
      {
        cause: error,
        transient: status >= 500,
        spoken: 'The language model failed with an error.',
      },
    );
  }
  return new EngineError('ollama', `Ollama at ${host} broke off the answer: ${describeError(error)}`, {
    cause: error,
    transient: true,
    spoken: 'The language model stopped answering midway.',
  });
}

/** The errno-style code of a failed fetch ("fetch failed" wraps it in cause, sometimes an AggregateError). */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const nested = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(nested) && nested.length > 0) current = nested[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The ollama client's ResponseError carries the HTTP status as `status_code`. */
function statusCode(error: unknown): number | undefined {
  const status = (error as { status_code?: unknown } | null)?.status_code;
  return typeof status === 'number' ? status : undefined;
}
