/**
 * Runs one command on an open ssh2 connection: collects stdout and stderr up to a byte budget (the rest
 * is dropped and `truncated` set), and kills the command when its time is up (a KILL signal request,
 * then the channel is closed, which hangs up on the remote process).
 */
import type { Client, ClientChannel } from 'ssh2';

export interface RemoteExecOptions {
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

export type RemoteExecOutcome =
  { kind: 'done'; stdout: string; stderr: string; exitCode: number | null; truncated: boolean } | { kind: 'timeout' };

/** Opens an exec channel; rejects when the connection cannot open one (it dropped). */
export function openExec(client: Client, command: string): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    try {
      client.exec(command, (error, channel) => (error ? reject(error) : resolve(channel)));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

export function collectExec(channel: ClientChannel, options: RemoteExecOptions): Promise<RemoteExecOutcome> {
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let truncated = false;
    let exitCode: number | null = null;
    let settled = false;
    const keep = (into: Buffer[]) => (chunk: Buffer) => {
      const room = options.maxBytes - size;
      if (room <= 0) {
        truncated = true;
        return;
      }
      if (chunk.length > room) truncated = true;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      into.push(part);
      size += part.length;
    };
    const finish = (outcome: RemoteExecOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', kill);
      resolve(outcome);
    };
    const kill = () => {
      try {
        channel.signal('KILL');
      } catch {
        // the channel may be gone already
      }
      channel.close();
      finish({ kind: 'timeout' });
    };
    const timer = setTimeout(kill, options.timeoutMs);
    options.signal?.addEventListener('abort', kill, { once: true });
    channel.on('data', keep(stdout));
    channel.stderr.on('data', keep(stderr));
    channel.on('exit', (code: number | null) => {
      exitCode = typeof code === 'number' ? code : null;
    });
    channel.on('close', () =>
      finish({
        kind: 'done',
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode,
        truncated,
      }),
    );
  });
}

/** One argument in single quotes for the remote shell; validated arguments hold no quote, but quote anyway. */
export function quoteArgument(argument: string): string {
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/** argv as one remote command line, every word quoted: nothing in it is read by the shell. */
export function remoteCommandLine(argv: readonly string[]): string {
  return argv.map(quoteArgument).join(' ');
}
