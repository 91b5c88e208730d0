/** Spawns the built CLI (bin/sysvox.js) in a folder, with no SYSVOX_* variables from the outer environment. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const checkout = resolve(import.meta.dirname, '..', '..');
const cli = join(checkout, 'bin', 'sysvox.js');
export const cliBuilt = existsSync(join(checkout, 'dist', 'src', 'cli', 'main.js'));
if (!cliBuilt && process.env.CI === 'true')
  throw new Error('CI=true and dist/ is missing: run npm run build before the config tests');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** True when the command had to be killed: it hung. */
  timedOut: boolean;
}

export function runCli(folder: string, args: string[], env: Record<string, string> = {}, timeoutMs = 20_000): CliRun {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SYSVOX_')));
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: folder,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...clean, SYSVOX_DATA: join(folder, 'data'), DOCKER_HOST: 'unix:///nonexistent/docker.sock', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.signal === 'SIGTERM' };
}
