/**
 * How a tool area runs a program on a host: this machine ('local') or an SSH host from the config.
 * Areas (system, docker, services, storage) depend on this interface only; tools/ssh provides the
 * implementation that picks a local process (shell: false) or a pooled ssh2 connection per host.
 *
 * A command is an argv list, never a shell string. Every command is checked by checkHostCommand
 * (a built-in allowlist of programs and argument shapes, and no shell metacharacters) before it runs,
 * on either path: nothing the model wrote is ever run as text.
 */
import { ToolError } from '../errors.js';

export interface HostCommandOptions {
  /** Kills the command after this long; default 10 s. */
  timeoutMs?: number;
  /** Output beyond this is dropped and `truncated` set; default 256 KB. */
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface HostCommandResult {
  stdout: string;
  stderr: string;
  /** null when the command was killed (timeout, signal). */
  exitCode: number | null;
  truncated: boolean;
}

/**
 * Why a command did not run at all. Each carries one sentence that can be spoken ("nas is not
 * reachable", "smartctl is not installed on nas"). A command that ran and failed is a result
 * with its exit code, not one of these.
 */
export type HostCommandFailure =
  | { kind: 'unknown-host'; host: string; message: string }
  | { kind: 'unreachable'; host: string; message: string }
  | { kind: 'host-key'; host: string; message: string }
  | { kind: 'not-installed'; host: string; program: string; message: string }
  | { kind: 'timeout'; host: string; message: string }
  | { kind: 'refused'; host: string; message: string };

export interface HostCommands {
  /** The host names commands may be run on: 'local' first, then the configured hosts in config order. */
  hosts(): readonly string[];
  /**
   * Runs argv on the host. Rejects with a HostCommandError (carrying a HostCommandFailure) when the
   * command could not run: unknown or unreachable host, pinned key mismatch, program missing,
   * timeout, or refused by the allowlist.
   */
  run(host: string, argv: readonly string[], options?: HostCommandOptions): Promise<HostCommandResult>;
}

/** What HostCommands.run rejects with: a ToolError (its message is the failure's spoken sentence) carrying the failure. */
export class HostCommandError extends ToolError {
  readonly failure: HostCommandFailure;
  constructor(failure: HostCommandFailure, options: { cause?: unknown } = {}) {
    super(`host:${failure.host}`, failure.message, {
      ...options,
      transient: failure.kind === 'unreachable' || failure.kind === 'timeout',
    });
    this.failure = failure;
  }
}

/** The failure behind an error when it is a HostCommandError, else null. */
export function hostCommandFailure(error: unknown): HostCommandFailure | null {
  return error instanceof HostCommandError ? error.failure : null;
}
