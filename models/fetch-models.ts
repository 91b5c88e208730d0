import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describeError } from '../src/errors.js';
import { findModel, modelManifest, wakeWordLicense, type ModelEntry } from './manifest.js';
import { ModelError } from './model-error.js';
import { defaultMirror, defaultModelDir, isVerifiedFile, sha256Of } from './model-files.js';

export type FetchSource = 'present' | 'mirror' | 'download';
export interface FetchedModel {
  name: string;
  path: string;
  source: FetchSource;
}

export interface FetchModelsOptions {
  /** Manifest names; all models when omitted. */
  names?: string[];
  mirror?: string | undefined;
  dest?: string;
  fetch?: typeof globalThis.fetch;
  manifest?: readonly ModelEntry[];
  /** Where progress and licence notices go (the CLI prints them). */
  report?: (line: string) => void;
}

/** Puts each model, verified by sha256, into dest: already there, else from the mirror, else downloaded. */
export async function fetchModels(options: FetchModelsOptions = {}): Promise<FetchedModel[]> {
  const manifest = options.manifest ?? modelManifest;
  const entries = selectEntries(manifest, options.names);
  const report = options.report ?? ((line: string) => process.stdout.write(line + '\n'));
  const context: FetchContext = {
    mirror: 'mirror' in options ? options.mirror : defaultMirror(),
    dest: options.dest ?? defaultModelDir(),
    fetch: options.fetch ?? globalThis.fetch,
  };
  if (entries.some((entry) => entry.kind === 'wake')) report(`Wake word models are licensed ${wakeWordLicense}.`);
  const fetched: FetchedModel[] = [];
  for (const entry of entries) {
    const result = await fetchOne(entry, context);
    report(`${entry.name}: ${result.source} -> ${result.path} (${entry.license})`);
    fetched.push(result);
  }
  return fetched;
}

interface FetchContext {
  mirror: string | undefined;
  dest: string;
  fetch: typeof globalThis.fetch;
}

function selectEntries(manifest: readonly ModelEntry[], names: string[] | undefined): ModelEntry[] {
  if (!names || names.length === 0) return [...manifest];
  return names.map((name) => {
    const entry = findModel(name, manifest);
    if (!entry) {
      const known = manifest.map((item) => item.name).join(', ');
      throw new ModelError(name, `Unknown model "${name}": the manifest has ${known}.`);
    }
    return entry;
  });
}

async function fetchOne(entry: ModelEntry, context: FetchContext): Promise<FetchedModel> {
  const target = join(context.dest, entry.path);
  if (await isVerifiedFile(target, entry.sha256)) return { name: entry.name, path: target, source: 'present' };
  const mirrorPath = context.mirror ? join(context.mirror, entry.path) : undefined;
  let mirrorProblem = 'no mirror configured (SYSVOX_MODEL_MIRROR)';
  if (mirrorPath) {
    try {
      const bytes = await readFile(mirrorPath);
      checkDigest(entry, bytes, mirrorPath);
      await writeAtomically(target, bytes);
      return { name: entry.name, path: target, source: 'mirror' };
    } catch (error) {
      mirrorProblem = `${mirrorPath}: ${describeError(error)}`;
    }
  }
  try {
    const bytes = await download(entry, context.fetch);
    checkDigest(entry, bytes, entry.url);
    await writeAtomically(target, bytes);
    return { name: entry.name, path: target, source: 'download' };
  } catch (error) {
    throw new ModelError(
      entry.name,
      `Could not fetch model "${entry.name}": mirror ${mirrorProblem}; download ${entry.url}: ${describeError(error)}. ` +
        'Set SYSVOX_MODEL_MIRROR to a folder holding ' +
        entry.path +
        ' or allow access to the URL.',
      { cause: error },
    );
  }
}

async function download(entry: ModelEntry, fetchFunction: typeof globalThis.fetch): Promise<Uint8Array> {
  const response = await fetchFunction(entry.url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function checkDigest(entry: ModelEntry, bytes: Uint8Array, from: string): void {
  const actual = sha256Of(bytes);
  if (actual !== entry.sha256) {
    throw new Error(`sha256 mismatch for ${from} (expected ${entry.sha256}, got ${actual})`);
  }
}

async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.partial`;
  await writeFile(temporary, bytes);
  await rename(temporary, target);
}
