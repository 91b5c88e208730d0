/**
 * Docker's log stream for a non-TTY container is multiplexed: frames of an 8-byte header
 * (stream type, 3 zero bytes, big-endian payload length) followed by the payload. A TTY container's
 * log is raw bytes, all of it stdout. Pure functions over a Buffer.
 */
export interface SplitLogs {
  stdout: string[];
  stderr: string[];
}

export function demultiplexLogs(buffer: Buffer, isTty: boolean): SplitLogs {
  if (isTty || !looksMultiplexed(buffer)) return { stdout: toLines(buffer.toString('utf8')), stderr: [] };
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const type = buffer[offset]!;
    const length = buffer.readUInt32BE(offset + 4);
    const payload = buffer.subarray(offset + 8, Math.min(buffer.length, offset + 8 + length));
    (type === 2 ? stderr : stdout).push(payload);
    offset += 8 + length;
  }
  return {
    stdout: toLines(Buffer.concat(stdout).toString('utf8')),
    stderr: toLines(Buffer.concat(stderr).toString('utf8')),
  };
}

function looksMultiplexed(buffer: Buffer): boolean {
  if (buffer.length < 8) return false;
  const type = buffer[0]!;
  return type <= 2 && buffer[1] === 0 && buffer[2] === 0 && buffer[3] === 0;
}

function toLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Keeps the newest lines of both streams within a byte budget (UTF-8 bytes, newlines included).
 * Lines are dropped oldest first; a single line longer than the budget is cut at its end.
 */
export function boundLogs(logs: SplitLogs, maxBytes: number): SplitLogs & { truncated: boolean } {
  const stdout = [...logs.stdout];
  const stderr = [...logs.stderr];
  let truncated = false;
  const size = () => byteSize(stdout) + byteSize(stderr);
  while (size() > maxBytes && stdout.length + stderr.length > 0) {
    truncated = true;
    const longer = byteSize(stdout) >= byteSize(stderr) ? stdout : stderr;
    if (longer.length === 1) {
      longer[0] = cutToBytes(longer[0]!, Math.max(0, maxBytes - (size() - Buffer.byteLength(longer[0]!) - 1) - 1));
      if (size() > maxBytes) longer.shift();
    } else {
      longer.shift();
    }
  }
  return { stdout, stderr, truncated };
}

function byteSize(lines: string[]): number {
  return lines.reduce((total, line) => total + Buffer.byteLength(line) + 1, 0);
}

function cutToBytes(line: string, bytes: number): string {
  const buffer = Buffer.from(line).subarray(0, bytes);
  return buffer.toString('utf8').replace(/\uFFFD$/, '');
}
