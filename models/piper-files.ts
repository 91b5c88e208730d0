/**
 * Where the Piper voice and binary are, for the TTS wiring (which is built synchronously): a manifest
 * voice name or a .onnx path, looked up in the models folders and the mirror. Presence and size only:
 * `sysvox models verify` checks the checksums.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { piperExecutable } from './entries/piper.js';
import { findModel } from './manifest.js';

/** The voice's .onnx path, or undefined when it is not in any folder (or not a Piper voice name). */
export function findPiperVoice(voice: string, folders: readonly string[]): string | undefined {
  if (voice.endsWith('.onnx')) return existsSync(voice) ? voice : undefined;
  const entry = findModel(voice);
  if (entry?.kind !== 'piper-voice') return undefined;
  return folders
    .map((folder) => join(folder, entry.path))
    .find((path) => existsSync(path) && statSync(path).size === entry.sizeBytes);
}

/** The piper executable unpacked from the release archive by `sysvox models fetch piper`. */
export function findPiperBinary(folders: readonly string[]): string | undefined {
  return folders.map((folder) => join(folder, piperExecutable)).find((path) => existsSync(path));
}
