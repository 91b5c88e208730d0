/**
 * What sysvox downloads, from where, and how to check it. Model files never live in the repository:
 * `sysvox models fetch` (and scripts/fetch-models) copies them from SYSVOX_MODEL_MIRROR when present,
 * else downloads them, and verifies each one with the checksum its publisher gives.
 */
import { openWakeWordEntries } from './entries/openwakeword.js';
import { piperEntries } from './entries/piper.js';
import { whisperEntries } from './entries/whisper.js';

export type ModelKind = 'wake' | 'embedding' | 'mel' | 'whisper' | 'piper-voice' | 'piper-config' | 'piper-binary';
export type HashAlgorithm = 'sha256' | 'sha1' | 'md5';

export interface ModelChecksum {
  algorithm: HashAlgorithm;
  /** Lower-case hex. */
  value: string;
}

export interface ModelEntry {
  name: string;
  kind: ModelKind;
  /** Path relative to the mirror root and to the destination folder. */
  path: string;
  url: string;
  sizeBytes: number;
  checksum: ModelChecksum;
  license: string;
  /** Fetched together with this entry (a Piper voice's .onnx.json). */
  companions?: readonly string[];
  /** An archive unpacked into the models folder once it verifies; `creates` is a file it holds. */
  unpack?: { format: 'tar.gz'; creates: string };
  /** A binary for one CPU (process.arch): only that one is fetched by default. */
  arch?: 'x64' | 'arm64';
  /** Fetched by `sysvox models fetch` without names. */
  fetchByDefault?: boolean;
}

/** Hex digits per algorithm: a manifest value of another length is a typo. */
export const hashLength: Record<HashAlgorithm, number> = { sha256: 64, sha1: 40, md5: 32 };

export { wakeWordLicense } from './entries/openwakeword.js';

export const modelManifest: readonly ModelEntry[] = [...openWakeWordEntries, ...whisperEntries, ...piperEntries];

export function findModel(name: string, manifest: readonly ModelEntry[] = modelManifest): ModelEntry | undefined {
  return manifest.find((entry) => entry.name === name);
}

/** What `fetch` without names brings: the defaults, and binaries only for this CPU. */
export function defaultEntries(
  manifest: readonly ModelEntry[] = modelManifest,
  arch: string = process.arch,
): ModelEntry[] {
  return manifest.filter((entry) => entry.fetchByDefault && (!entry.arch || entry.arch === arch));
}
