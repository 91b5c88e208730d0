/**
 * Download progress: a bar redrawn in place on a terminal, plain lines (every 10%) in a log. Both
 * write to stderr, so stdout stays the list of results.
 */
export interface Progress {
  start(name: string, totalBytes: number, fromBytes: number): void;
  advance(bytes: number): void;
  finish(): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function createProgress(stream: ProgressStream = process.stderr): Progress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}

function barProgress(stream: ProgressStream): Progress {
  let name = '';
  let total = 0;
  let done = 0;
  let drawnPercent = -1;
  const draw = () => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
    if (percent === drawnPercent) return;
    drawnPercent = percent;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - name.length - 30));
    const filled = Math.round((width * percent) / 100);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    stream.write(`\r${name} [${bar}] ${String(percent).padStart(3)}% ${megabytes(done)}/${megabytes(total)} MB`);
  };
  return {
    start(model, totalBytes, fromBytes) {
      [name, total, done, drawnPercent] = [model, totalBytes, fromBytes, -1];
      draw();
    },
    advance(bytes) {
      done += bytes;
      draw();
    },
    finish() {
      stream.write('\n');
    },
  };
}

function lineProgress(stream: ProgressStream): Progress {
  let name = '';
  let total = 0;
  let done = 0;
  let nextStep = 10;
  const line = (percent: number) =>
    stream.write(`${name}: ${percent}% (${megabytes(done)} of ${megabytes(total)} MB)\n`);
  return {
    start(model, totalBytes, fromBytes) {
      [name, total, done] = [model, totalBytes, fromBytes];
      const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
      nextStep = Math.floor(percent / 10) * 10 + 10;
      stream.write(
        fromBytes > 0
          ? `${name}: resuming at ${megabytes(fromBytes)} of ${megabytes(total)} MB\n`
          : `${name}: downloading ${megabytes(total)} MB\n`,
      );
    },
    advance(bytes) {
      done += bytes;
      const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
      if (percent < nextStep || percent >= 100) return;
      nextStep = Math.floor(percent / 10) * 10 + 10;
      line(percent);
    },
    finish() {
      line(100);
    },
  };
}

/** For callers that want no progress output (tests, library use). */
export const silentProgress: Progress = { start() {}, advance() {}, finish() {} };
