/** Where models live: the checkout root, the mirror (SYSVOX_MODEL_MIRROR) and the fetched-models folder. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
