/**
 * What `sysvox models list | verify | remove` report and do: for each manifest entry, whether its file
 * is in the models folder (or the mirror), and whether it matches its size and checksum.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { verifyProblem } from './checksum.js';
import { partialPaths } from './download.js';
import { findModel, modelManifest, type ModelEntry } from './manifest.js';
import { ModelError } from './model-error.js';

export interface ModelPlaces {
  dest: string;
  mirror: string | undefined;
}

export interface ModelStatus {
  entry: ModelEntry;
  /** Where the file was found: the models folder first, then the mirror. */
  path: string | undefined;
  /** Set by verify; undefined when not checked (list) or when nothing is there. */
  problem?: string;
  verified?: boolean;
}

/** Presence only (cheap): list does not hash hundreds of megabytes. */
export function modelPresence(places: ModelPlaces, manifest: readonly ModelEntry[] = modelManifest): ModelStatus[] {
  return manifest.map((entry) => ({ entry, path: locate(entry, places) }));
}

/** Size and checksum of each named entry (all when none), with the algorithm the manifest gives. */
export async function verifyModels(
  names: readonly string[],
  places: ModelPlaces,
  manifest: readonly ModelEntry[] = modelManifest,
): Promise<ModelStatus[]> {
  const entries =
    names.length === 0 ? manifest.filter((entry) => locate(entry, places)) : names.map((name) => known(name, manifest));
  const statuses: ModelStatus[] = [];
  for (const entry of entries) {
    const path = locate(entry, places);
    const problem = path ? await verifyProblem(path, entry) : 'missing';
    statuses.push({ entry, path, problem, verified: problem === undefined });
  }
  return statuses;
}

/** Deletes the model's file (and a partial download, and an unpacked archive) from the models folder. */
export async function removeModel(
  name: string,
  dest: string,
  manifest: readonly ModelEntry[] = modelManifest,
): Promise<string[]> {
  const entry = known(name, manifest);
  const target = join(dest, entry.path);
  const { part, sidecar } = partialPaths(target);
  const paths = [target, part, sidecar];
  if (entry.unpack) paths.push(join(dest, entry.unpack.creates.split('/')[0] ?? entry.unpack.creates));
  const removed = paths.filter((path) => existsSync(path));
  await Promise.all(removed.map((path) => rm(path, { recursive: true, force: true })));
  return removed;
}

function locate(entry: ModelEntry, places: ModelPlaces): string | undefined {
  const candidates = [join(places.dest, entry.path), places.mirror ? join(places.mirror, entry.path) : undefined];
  return candidates.find((path): path is string => path !== undefined && existsSync(path));
}

function known(name: string, manifest: readonly ModelEntry[]): ModelEntry {
  const entry = findModel(name, manifest);
  if (!entry) throw new ModelError(name, `Unknown model "${name}": see \`sysvox models list\`.`);
  return entry;
}
