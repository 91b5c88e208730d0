import { accessSync, constants, existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';

const systemDataDir = '/var/lib/sysvox';
const databaseFileName = 'sysvox.db';

export interface DataDirChoice {
  dir: string;
  /** `<dir>/sysvox.db` */
  databasePath: string;
  /** Why this directory: for `sysvox doctor`. */
  source: 'env' | 'config' | 'checkout' | 'system';
}

export interface ResolveDataDirOptions {
  /** config.dataDir */
  configured?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** The sysvox package root; found from this file by default. */
  packageRoot?: string | null;
}

/**
 * $SYSVOX_DATA, else the configured dataDir, else `<checkout>/data` when run from a sysvox checkout,
 * else /var/lib/sysvox. Creates the directory and checks it is writable.
 */
export function resolveDataDir(options: ResolveDataDirOptions = {}): DataDirChoice {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const packageRoot =
    options.packageRoot === undefined ? findPackageRoot(dirname(fileURLToPath(import.meta.url))) : options.packageRoot;
  const choice = chooseDataDir({ env, cwd, configured: options.configured, packageRoot });
  ensureWritable(choice);
  return choice;
}

function chooseDataDir(options: {
  env: Record<string, string | undefined>;
  cwd: string;
  configured?: string;
  packageRoot: string | null;
}): DataDirChoice {
  const pick = (dir: string, source: DataDirChoice['source']): DataDirChoice => {
    const absolute = resolve(options.cwd, dir);
    return { dir: absolute, databasePath: join(absolute, databaseFileName), source };
  };
  const fromEnv = options.env.SYSVOX_DATA?.trim();
  if (fromEnv) return pick(fromEnv, 'env');
  if (options.configured) return pick(options.configured, 'config');
  const checkout = isSysvoxRoot(options.cwd)
    ? options.cwd
    : options.packageRoot && existsSync(join(options.packageRoot, '.git'))
      ? options.packageRoot
      : null;
  if (checkout) return pick(join(checkout, 'data'), 'checkout');
  return pick(systemDataDir, 'system');
}

/** Kernel filesystems: nothing can be kept there, and a recursive mkdir under /proc may never return. */
const kernelFilesystems = ['/proc', '/sys', '/dev'];

function ensureWritable(choice: DataDirChoice): void {
  const variable = choice.source === 'env' ? 'SYSVOX_DATA' : 'dataDir (or SYSVOX_DATA)';
  refuseBeforeCreating(choice, variable);
  try {
    mkdirSync(choice.dir, { recursive: true });
    accessSync(choice.dir, constants.W_OK);
  } catch (error) {
    throw new ConfigError(
      `data dir ${choice.dir} is not a writable directory (${(error as NodeJS.ErrnoException).code ?? 'error'}): ` +
        `create it for the sysvox user (sudo install -d -o sysvox -g sysvox ${choice.dir}) or set ${variable} to a writable directory`,
      { cause: error },
    );
  }
}

/**
 * Checks what exists of the path before anything is created: not under a kernel filesystem (also through a
 * symlink), and the nearest existing part is a directory that sysvox may write to.
 */
function refuseBeforeCreating(choice: DataDirChoice, variable: string): void {
  let existing = choice.dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const real = safeRealpath(existing);
  const kernel = kernelFilesystems.find((root) =>
    [choice.dir, real].some((path) => path === root || path.startsWith(`${root}${sep}`)),
  );
  if (kernel) {
    throw new ConfigError(
      `data dir ${choice.dir} is under ${kernel}, a kernel filesystem where no files can be kept: set ${variable} to a writable directory such as /var/lib/sysvox`,
    );
  }
  const problem = !statSync(real).isDirectory()
    ? `${existing} is not a directory`
    : !isWritable(real)
      ? `${existing} is not writable by this user`
      : null;
  if (problem) {
    throw new ConfigError(
      `data dir ${choice.dir} is not a writable directory (${problem}): ` +
        `create it for the sysvox user (sudo install -d -o sysvox -g sysvox ${choice.dir}) or set ${variable} to a writable directory`,
    );
  }
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The nearest directory upwards with a package.json named "sysvox" (works from src/ and dist/). */
function findPackageRoot(start: string): string | null {
  let current = start;
  for (;;) {
    if (isSysvoxRoot(current)) return current;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

function isSysvoxRoot(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return manifest.name === 'sysvox';
  } catch {
    return false;
  }
}
