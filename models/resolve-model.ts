/** A model's verified path by manifest name: the mirror first, then the fetched-models folder. */
import { join } from 'node:path';
import { isVerifiedFile } from './checksum.js';
import { findModel, modelManifest, type ModelEntry } from './manifest.js';
import { ModelError } from './model-error.js';
import { defaultMirror, defaultModelDir } from './model-files.js';

export interface ResolveModelOptions {
  mirror?: string | undefined;
  dest?: string;
  manifest?: readonly ModelEntry[];
}

const verified = new Map<string, string>();

/** A path to a verified copy of the model (size and checksum), in the mirror or in the fetched-models folder. */
export async function resolveModel(name: string, options: ResolveModelOptions = {}): Promise<string> {
  const manifest = options.manifest ?? modelManifest;
  const entry = findModel(name, manifest);
  if (!entry)
    throw new ModelError(name, `Unknown model "${name}": it is not in the model manifest (models/manifest.ts).`);
  const mirror = 'mirror' in options ? options.mirror : defaultMirror();
  const candidates = [
    mirror ? join(mirror, entry.path) : undefined,
    join(options.dest ?? defaultModelDir(), entry.path),
  ].filter((path): path is string => path !== undefined);
  for (const path of candidates) {
    const key = `${path}:${entry.checksum.value}`;
    if (verified.has(key)) return path;
    if (await isVerifiedFile(path, entry)) {
      verified.set(key, path);
      return path;
    }
  }
  throw new ModelError(
    name,
    `Model "${name}" is missing or does not match its ${entry.checksum.algorithm} (looked in ${candidates.join(' and ')}): ` +
      `run \`sysvox models fetch ${name}\`, or set SYSVOX_MODEL_MIRROR to a folder that holds it.`,
  );
}
