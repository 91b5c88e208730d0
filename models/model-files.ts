import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** True when the file exists and its sha256 is the expected one. */
export async function isVerifiedFile(path: string, sha256: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  return sha256Of(await readFile(path)) === sha256;
}

/** The checkout (or installed package) root: the nearest folder above this file with a package.json. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let folder = from;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) return process.cwd();
    folder = parent;
  }
  return folder;
}

/** SYSVOX_MODEL_MIRROR, else ../shared/models beside the checkout when it exists (CI), else none. */
export function defaultMirror(environment: NodeJS.ProcessEnv = process.env): string | undefined {
  if (environment.SYSVOX_MODEL_MIRROR) return resolve(environment.SYSVOX_MODEL_MIRROR);
  const beside = resolve(packageRoot(), '..', 'shared', 'models');
  return existsSync(beside) ? beside : undefined;
}

/** <dataDir>/models, where dataDir is $SYSVOX_DATA or ./data in a checkout. */
export function defaultModelDir(environment: NodeJS.ProcessEnv = process.env): string {
  const dataDir = environment.SYSVOX_DATA ?? join(packageRoot(), 'data');
  return resolve(dataDir, 'models');
}
