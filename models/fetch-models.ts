/**
 * Puts models into the models folder, each verified: already there, else copied from the mirror
 * (SYSVOX_MODEL_MIRROR), else downloaded (resumable, through the environment's proxy). An archive is
 * unpacked once it verifies. Every model is tried; the failures are reported together at the end.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describeError } from '../src/errors.js';
import { isVerifiedFile, verifyProblem } from './checksum.js';
import { downloadModel } from './download.js';
import { createHttpClient, type HttpClient } from './http-get.js';
import { wakeWordLicense, type ModelEntry } from './manifest.js';
import { ModelError } from './model-error.js';
import { defaultMirror, defaultModelDir } from './model-files.js';
import { silentProgress, type Progress } from './progress.js';
import { selectModels } from './select-models.js';
import { unpackTarGz } from './unpack.js';

export type FetchSource = 'present' | 'mirror' | 'download';
export interface FetchedModel {
  name: string;
  path: string;
  source: FetchSource;
}

export interface FetchModelsOptions {
  /** Manifest names or short names (piper, whisper); the default set when empty. */
  names?: string[];
  /** Every entry of the manifest, both CPUs' binaries included. */
  all?: boolean;
  mirror?: string | undefined;
  dest?: string;
  manifest?: readonly ModelEntry[];
  /** Result and licence lines (the CLI prints them to stdout). */
  report?: (line: string) => void;
  progress?: Progress;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read; process.env by default. */
  environment?: NodeJS.ProcessEnv;
  /** Transfers tried per model in one run. */
  attempts?: number;
}

export async function fetchModels(options: FetchModelsOptions = {}): Promise<FetchedModel[]> {
  const entries = selectModels(options.names ?? [], { all: options.all, manifest: options.manifest });
  const report = options.report ?? ((line: string) => process.stdout.write(line + '\n'));
  const client = createHttpClient(options.environment);
  const context: FetchContext = {
    mirror: 'mirror' in options ? options.mirror : defaultMirror(),
    dest: options.dest ?? defaultModelDir(),
    client,
    progress: options.progress ?? silentProgress,
    attempts: options.attempts,
  };
  if (entries.some((entry) => entry.kind === 'wake')) report(`Wake word models are licensed ${wakeWordLicense}.`);
  const fetched: FetchedModel[] = [];
  const failures: ModelError[] = [];
  try {
    for (const entry of entries) {
      try {
        const result = await fetchOne(entry, context);
        report(`${entry.name}: ${result.source} -> ${result.path} (${entry.license})`);
        fetched.push(result);
      } catch (error) {
        failures.push(
          error instanceof ModelError
            ? error
            : new ModelError(entry.name, `Could not fetch model "${entry.name}": ${describeError(error)}`, {
                cause: error,
              }),
        );
      }
    }
  } finally {
    client.close();
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1)
    throw new ModelError(
      failures.map((failure) => failure.model).join(', '),
      `${failures.length} models could not be fetched:\n` +
        failures.map((failure) => `- ${failure.message}`).join('\n'),
    );
  return fetched;
}

interface FetchContext {
  mirror: string | undefined;
  dest: string;
  client: HttpClient;
  progress: Progress;
  attempts: number | undefined;
}

async function fetchOne(entry: ModelEntry, context: FetchContext): Promise<FetchedModel> {
  const target = join(context.dest, entry.path);
  const result = await placeFile(entry, target, context);
  if (entry.unpack && !existsSync(join(context.dest, entry.unpack.creates))) {
    await unpackTarGz(target, context.dest).catch((error: unknown) => {
      throw new ModelError(entry.name, `Could not unpack ${target}: ${describeError(error)}`, { cause: error });
    });
  }
  return result;
}

async function placeFile(entry: ModelEntry, target: string, context: FetchContext): Promise<FetchedModel> {
  if (await isVerifiedFile(target, entry)) return { name: entry.name, path: target, source: 'present' };
  let mirrorProblem = 'no mirror configured (SYSVOX_MODEL_MIRROR)';
  if (context.mirror) {
    const mirrorPath = join(context.mirror, entry.path);
    const problem = await verifyProblem(mirrorPath, entry);
    if (!problem) {
      await copyVerified(mirrorPath, target);
      return { name: entry.name, path: target, source: 'mirror' };
    }
    mirrorProblem = `${mirrorPath}: ${problem}`;
  }
  try {
    await downloadModel({
      entry,
      target,
      client: context.client,
      progress: context.progress,
      attempts: context.attempts,
    });
    return { name: entry.name, path: target, source: 'download' };
  } catch (error) {
    throw new ModelError(
      entry.name,
      `Could not fetch model "${entry.name}": mirror ${mirrorProblem}; download ${entry.url}: ${describeError(error)}. ` +
        `Set SYSVOX_MODEL_MIRROR to a folder holding ${entry.path}, or allow access to the URL (HTTPS_PROXY is honoured).`,
      { cause: error },
    );
  }
}

/** The mirror copy was verified; it lands under a temporary name and is renamed into place. */
async function copyVerified(source: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.copy`;
  await copyFile(source, temporary);
  await rename(temporary, target);
}
