/** Hashing a model file as it streams from disk, with the algorithm its manifest entry names. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ModelChecksum, ModelEntry } from './manifest.js';

export async function hashFile(path: string, algorithm: ModelChecksum['algorithm']): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Why the file at path is not the entry's file, or undefined when size and checksum match. */
export async function verifyProblem(path: string, entry: ModelEntry): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return 'missing';
  if (info.size !== entry.sizeBytes) return `size ${info.size} bytes, expected ${entry.sizeBytes}`;
  const actual = await hashFile(path, entry.checksum.algorithm);
  if (actual !== entry.checksum.value)
    return `${entry.checksum.algorithm} mismatch (expected ${entry.checksum.value}, got ${actual})`;
  return undefined;
}

export async function isVerifiedFile(path: string, entry: ModelEntry): Promise<boolean> {
  return (await verifyProblem(path, entry)) === undefined;
}
