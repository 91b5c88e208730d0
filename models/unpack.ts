/**
 * Unpacks a verified .tar.gz (the Piper release) into the models folder with the system tar. Members
 * are listed first: an absolute path or a `..` segment refuses the whole archive.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function unpackTarGz(archive: string, destination: string): Promise<void> {
  const { stdout } = await run('tar', ['-tzf', archive], { maxBuffer: 16 * 1024 * 1024 });
  const unsafe = stdout
    .split('\n')
    .filter(Boolean)
    .find((member) => member.startsWith('/') || member.split('/').includes('..'));
  if (unsafe) throw new Error(`refusing to unpack ${archive}: member "${unsafe}" would land outside ${destination}`);
  await run('tar', ['-xzf', archive, '-C', destination, '--no-same-owner']);
}
