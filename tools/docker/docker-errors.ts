/**
 * Turns what dockerode throws into a ToolError with one sentence a person can act on.
 * Container names are untrusted: speakableName drops control characters and cuts them to 64
 * characters, so a name with newlines or ten thousand characters cannot break a sentence or a log line.
 */
import os from 'node:os';
import { describeError, ToolError } from '../../src/errors.js';

export interface DockerEndpoint {
  /** "/var/run/docker.sock" or "tcp://10.0.0.2:2375", for messages. */
  describe: string;
  isSocket: boolean;
}

/** A container name made safe to speak and log: control characters dropped, cut to 64 characters. */
export function speakableName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > 64 ? `${clean.slice(0, 61)}...` : clean;
}

/** Docker could not be reached at all (as opposed to Docker answering with an error): the docker-down alert. */
export class DockerUnreachableError extends ToolError {}

export function unreachableError(
  tool: string,
  endpoint: DockerEndpoint,
  error: unknown,
  user = currentUser(),
): DockerUnreachableError {
  const code = (error as { code?: string } | undefined)?.code;
  const where = endpoint.describe;
  const sentence = (() => {
    if (code === 'ENOENT') return `I can't reach Docker: ${where} does not exist; is the Docker engine running?`;
    if (code === 'EACCES' || code === 'EPERM') {
      return `I can't reach Docker: ${where} is not readable by user ${user}; add it to the docker group`;
    }
    if (code === 'ECONNREFUSED')
      return `I can't reach Docker: nothing answers on ${where}; is the Docker engine running?`;
    if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || /timeout/i.test(String(error))) {
      return `I can't reach Docker: ${where} did not answer in time; the engine may be overloaded or hung`;
    }
    return `I can't reach Docker at ${where}: ${shortReason(error)}`;
  })();
  return new DockerUnreachableError(tool, sentence, {
    cause: error,
    transient: code !== 'EACCES' && code !== 'EPERM',
  });
}

export function noSuchContainerError(tool: string, query: string, names: readonly string[]): ToolError {
  const list = names.length > 0 ? ` Containers: ${names.map(speakableName).join(', ')}.` : ' There are no containers.';
  return new ToolError(tool, `There is no container called '${speakableName(query)}'.${list}`);
}

export function ambiguousContainerError(tool: string, query: string, names: readonly string[]): ToolError {
  const choices = names.map((name) => `'${speakableName(name)}'`).join(' or ');
  return new ToolError(tool, `'${speakableName(query)}' could mean ${choices}; say the full name.`);
}

/** True when the error means Docker could not be reached at all (as opposed to Docker saying no). */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  if (
    code &&
    [
      'ENOENT',
      'EACCES',
      'EPERM',
      'ECONNREFUSED',
      'ETIMEDOUT',
      'ESOCKETTIMEDOUT',
      'ECONNRESET',
      'EHOSTUNREACH',
    ].includes(code)
  ) {
    return true;
  }
  return /timeout/i.test(String((error as Error | undefined)?.message ?? ''));
}

export function statusCodeOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | undefined)?.statusCode;
}

function shortReason(error: unknown): string {
  const text = describeError(error);
  return text.split('\n')[0]!.slice(0, 160);
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? 'unknown'}`;
  }
}
