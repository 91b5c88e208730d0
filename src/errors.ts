/** The one sentence said when something failed that the person cannot fix. */
export const apology = 'Something went wrong on my side.';

/**
 * One base error with a code and a cause; a subclass per failure boundary.
 * `message` is for the operator (what failed and how to fix it); `spoken` is one sentence for the user.
 */
export class SysvoxError extends Error {
  readonly code: string;
  /** Transient errors may be retried at the edge; fatal ones may not. */
  readonly transient: boolean;
  /** One sentence a person can hear; never a stack trace or a secret. */
  readonly spoken: string;

  constructor(code: string, message: string, options: { cause?: unknown; transient?: boolean; spoken?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.transient = options.transient ?? false;
    this.spoken = options.spoken ?? apology;
  }
}

export class ConfigError extends SysvoxError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('config', message, { ...options, spoken: 'My configuration is invalid; check sysvox config check.' });
  }
}

export class EngineError extends SysvoxError {
  readonly engine: string;
  constructor(
    engine: string,
    message: string,
    options: { cause?: unknown; transient?: boolean; spoken?: string } = {},
  ) {
    super(`engine:${engine}`, message, options);
    this.engine = engine;
  }
}

export class ToolError extends SysvoxError {
  readonly tool: string;
  constructor(tool: string, message: string, options: { cause?: unknown; transient?: boolean; spoken?: string } = {}) {
    super(`tool:${tool}`, message, { spoken: message, ...options });
    this.tool = tool;
  }
}

export class ChannelError extends SysvoxError {
  readonly channel: string;
  constructor(
    channel: string,
    message: string,
    options: { cause?: unknown; transient?: boolean; spoken?: string } = {},
  ) {
    super(`channel:${channel}`, message, options);
    this.channel = channel;
  }
}

/** A short, secret-free description of any thrown value, for logs and tool results. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
