/**
 * Reads /proc files of a host over the SFTP subsystem of its pooled connection: one long-lived
 * sftp-server per connection, so a reading costs a few round trips and no process on the host (a
 * command costs a session, a shell and the program). Only the proc files of the allowlist may be read.
 * A host without the SFTP subsystem answers null, and the caller runs `head` instead.
 */
import type { SFTPWrapper } from 'ssh2';
import { checkArgument } from './argument-kinds.js';
import type { ConnectionPool } from './connection-pool.js';

export interface ProcReader {
  /** Each file's text, or null when the host has no SFTP subsystem. */
  read(
    host: string,
    paths: readonly string[],
    options: { timeoutMs: number; maxBytes: number },
  ): Promise<Map<string, string> | null>;
}

function readOne(sftp: SFTPWrapper, path: string, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = sftp.createReadStream(path, { highWaterMark: 32 * 1024 });
    stream.on('data', (chunk: Buffer) => {
      if (size < maxBytes) chunks.push(chunk.subarray(0, maxBytes - size));
      size += chunk.length;
    });
    stream.once('error', reject);
    stream.once('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

export function createProcReader(pool: ConnectionPool): ProcReader {
  const unsupported = new Set<string>();
  return {
    async read(host, paths, options) {
      for (const path of paths) {
        const problem = checkArgument('proc-file', path);
        if (problem) throw new Error(`refused to read ${problem}`);
      }
      if (unsupported.has(host)) return null;
      const sftp = await pool.sftp(host, { timeoutMs: options.timeoutMs });
      if (sftp === null) {
        unsupported.add(host);
        return null;
      }
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), options.timeoutMs);
      });
      try {
        const texts = await Promise.race([
          Promise.all(paths.map((path) => readOne(sftp, path, options.maxBytes))),
          deadline,
        ]);
        return new Map(paths.map((path, index) => [path, texts[index]!.trim()]));
      } catch {
        return null; // a slow or broken SFTP session: the caller falls back to a command this time
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
