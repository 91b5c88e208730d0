/** Turns the names a person types (`piper`, `whisper-base.en`, none at all) into manifest entries. */
import { defaultEntries, findModel, modelManifest, type ModelEntry } from './manifest.js';
import { ModelError } from './model-error.js';

/** Short names for what a person wants rather than a file: the engine and its default model. */
const aliases: Record<string, (arch: string) => string[]> = {
  piper: (arch) => [`piper-${arch}`, 'en_US-lessac-medium'],
  whisper: () => ['whisper-base.en'],
};

/**
 * The entries for these names with their companions (a voice brings its .onnx.json); the default set
 * when no name is given, or every entry with `all`.
 */
export function selectModels(
  names: readonly string[],
  options: { all?: boolean; manifest?: readonly ModelEntry[]; arch?: string } = {},
): ModelEntry[] {
  const manifest = options.manifest ?? modelManifest;
  const arch = options.arch ?? process.arch;
  let chosen: ModelEntry[];
  if (options.all) chosen = [...manifest];
  else if (names.length === 0) chosen = defaultEntries(manifest, arch);
  else
    chosen = names.flatMap((name) =>
      (findModel(name, manifest) ? [name] : (aliases[name]?.(arch) ?? [name])).map((each) => lookup(each, manifest)),
    );
  const withCompanions = chosen.flatMap((entry) => [
    entry,
    ...(entry.companions ?? []).map((name) => lookup(name, manifest)),
  ]);
  return [...new Map(withCompanions.map((entry) => [entry.name, entry])).values()];
}

function lookup(name: string, manifest: readonly ModelEntry[]): ModelEntry {
  const entry = findModel(name, manifest);
  if (entry) return entry;
  const known = manifest.map((item) => item.name).join(', ');
  throw new ModelError(
    name,
    `Unknown model "${name}": the manifest has ${known} (and the short names piper, whisper).`,
  );
}
