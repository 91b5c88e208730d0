/**
 * A resumable, verified model download. Bytes go to <file>.part, and <file>.part.json records the
 * checksum (and URL) that partial file belongs to. An interrupted transfer is continued with
 * `Range: bytes=N-` (a server that answers 200 instead of 206 restarts it cleanly). Once complete the
 * file is checked against the manifest; a wrong size or checksum deletes the partial file and the
 * target, so nothing unverified is ever left where sysvox would load it.
 */
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { verifyProblem } from './checksum.js';
import type { HttpClient } from './http-get.js';
import type { ModelEntry } from './manifest.js';
import type { Progress } from './progress.js';

/** The file is wrong (size, checksum) or refused (HTTP 4xx): retrying cannot help; the partial file is gone. */
export class RejectedDownload extends Error {}

export interface DownloadOptions {
  entry: ModelEntry;
  target: string;
  client: HttpClient;
  progress: Progress;
  /** Transfers tried in one run before giving up; the .part file stays for the next run. */
  attempts?: number;
  signal?: AbortSignal;
}

export function partialPaths(target: string): { part: string; sidecar: string } {
  return { part: `${target}.part`, sidecar: `${target}.part.json` };
}

export async function downloadModel(options: DownloadOptions): Promise<void> {
  const { entry, target } = options;
  const { part, sidecar } = partialPaths(target);
  await mkdir(dirname(target), { recursive: true });
  await discardStalePart(entry, part, sidecar);
  const record = JSON.stringify({ url: entry.url, sizeBytes: entry.sizeBytes, checksum: entry.checksum });
  // Rewritten only when it differs, so a retry that gets nowhere leaves the data dir as it was.
  if ((await readFile(sidecar, 'utf8').catch(() => '')) !== record) await writeFile(sidecar, record);
  const attempts = options.attempts ?? 3;
  const failures: string[] = [];
  for (let attempt = 1; attempt <= attempts && !(await isComplete(part, entry)); attempt += 1) {
    try {
      await transfer(options, part);
    } catch (error) {
      if (error instanceof RejectedDownload) {
        await rm(part, { force: true });
        await rm(sidecar, { force: true });
        throw error;
      }
      if (options.signal?.aborted) throw error;
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (!(await isComplete(part, entry))) {
    const have = await sizeOf(part);
    const failed = `${have === 0 ? 'failed' : `interrupted at ${have} of ${entry.sizeBytes} bytes`} after ${attempts} attempts (${failures.join('; ')})`;
    if (have === 0) {
      // Nothing to resume: leave no empty partial file behind.
      await Promise.all([rm(part, { force: true }), rm(sidecar, { force: true })]);
      throw new Error(failed);
    }
    throw new Error(`${failed}; the partial file ${part} is kept: run the same command again to resume`);
  }
  const problem = await verifyProblem(part, entry);
  if (problem) {
    await Promise.all([rm(part, { force: true }), rm(sidecar, { force: true }), rm(target, { force: true })]);
    throw new RejectedDownload(`downloaded file rejected (${problem}); deleted ${part} and ${target}`);
  }
  await rename(part, target);
  await rm(sidecar, { force: true });
}

async function transfer(options: DownloadOptions, part: string): Promise<void> {
  const { entry, client, progress } = options;
  const have = await sizeOf(part);
  const response = await client.get(entry.url, {
    headers: have > 0 ? { range: `bytes=${have}-` } : {},
    signal: options.signal,
  });
  const status = response.statusCode ?? 0;
  let start = 0;
  if (status === 206 && have > 0) {
    start = rangeStart(response.headers['content-range']);
    if (start !== have) {
      response.destroy();
      await rm(part, { force: true });
      throw new Error(`server resumed at byte ${start}, not ${have}; starting over`);
    }
  } else if (status === 416) {
    response.resume();
    await rm(part, { force: true });
    throw new Error('server refused to resume (416); starting over');
  } else if (status !== 200) {
    response.resume();
    // 4xx will not change on a retry (a moved or removed file); 5xx and the rest may.
    if (status >= 400 && status < 500) throw new RejectedDownload(`${entry.url} answered HTTP ${status}`);
    throw new Error(`HTTP ${status}`);
  }
  const declared = Number(response.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && start + declared !== entry.sizeBytes) {
    response.destroy();
    throw new RejectedDownload(
      `the server sends ${start + declared} bytes for ${entry.name}, the manifest expects ${entry.sizeBytes}`,
    );
  }
  progress.start(entry.name, entry.sizeBytes, start);
  // Each chunk is on disk before the next is read, so a cut connection leaves exactly what arrived.
  const file = await open(part, start > 0 ? 'a' : 'w');
  let received = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (start + received > entry.sizeBytes)
        throw new RejectedDownload(`the server sent more than the ${entry.sizeBytes} bytes ${entry.name} has`);
      await file.write(chunk);
      progress.advance(chunk.length);
    }
  } finally {
    await file.close();
  }
  if (start + received < entry.sizeBytes)
    throw new Error(`connection closed at ${start + received} of ${entry.sizeBytes} bytes`);
  progress.finish();
}

/** A .part left for another file (another checksum in the manifest) is not resumed; a new URL alone is fine. */
async function discardStalePart(entry: ModelEntry, part: string, sidecar: string): Promise<void> {
  const recorded = await readFile(sidecar, 'utf8')
    .then((text) => JSON.parse(text) as { checksum?: { value?: string } })
    .catch(() => undefined);
  if (recorded?.checksum?.value === entry.checksum.value) return;
  await rm(part, { force: true });
}

async function isComplete(part: string, entry: ModelEntry): Promise<boolean> {
  return (await sizeOf(part)) >= entry.sizeBytes;
}

async function sizeOf(path: string): Promise<number> {
  return (await stat(path).catch(() => undefined))?.size ?? 0;
}

function rangeStart(header: string | undefined): number {
  const match = /^bytes (\d+)-/.exec(header ?? '');
  return match ? Number(match[1]) : -1;
}
