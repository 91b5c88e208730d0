/**
 * The error a HostCommands implementation rejects with when a command could not run at all (unknown or
 * unreachable host, pinned key mismatch, program missing, timeout, refused by the allowlist). It carries
 * the HostCommandFailure, whose message is one sentence that can be spoken ("smartctl is not installed
 * on nas"). Both implementations use it: the local one in src/app and the SSH one in tools/ssh.
 * A command that ran and failed is a HostCommandResult with its exit code, never this error.
 */
import { ToolError } from '../errors.js';
import { HostCommandError, type HostCommandFailure } from './host-commands.js';

export { HostCommandError, hostCommandFailure } from './host-commands.js';

/** The failure when `error` says the program is not installed on the host, else undefined. */
export function notInstalled(error: unknown): Extract<HostCommandFailure, { kind: 'not-installed' }> | undefined {
  return error instanceof HostCommandError && error.failure.kind === 'not-installed' ? error.failure : undefined;
}

/**
 * A HostCommandError as the ToolError a tool throws (its sentence is what the person hears); anything
 * else is passed on unchanged, so the runner logs it and says a generic sentence.
 */
export function asToolError(tool: string, error: unknown): unknown {
  if (error instanceof HostCommandError)
    return new ToolError(tool, error.failure.message, { cause: error, transient: error.transient });
  return error;
}

/** How a host is named in a sentence: 'local' is "this server", any other host by its name. */
export function spokenHost(host: string): string {
  return host === 'local' ? 'this server' : host;
}
