/**
 * `sysvox models list | fetch | verify | remove`: the model manifest from the terminal. scripts/fetch-models
 * runs `models fetch`, so the installer and a person use the same code. Needs no config or database.
 */
import type { Command } from 'commander';
import { fetchModels } from '../../../models/fetch-models.js';
import { defaultMirror, defaultModelDir } from '../../../models/model-files.js';
import {
  modelPresence,
  removeModel,
  verifyModels,
  type ModelPlaces,
  type ModelStatus,
} from '../../../models/model-status.js';
import { createProgress } from '../../../models/progress.js';

const places = (): ModelPlaces => ({ dest: defaultModelDir(), mirror: defaultMirror() });
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const print = (line: string) => process.stdout.write(line + '\n');

export function registerModels(program: Command): void {
  const models = program
    .command('models')
    .description(
      'list, fetch, verify and remove the Whisper, Piper and wake word models (mirror first: SYSVOX_MODEL_MIRROR)',
    );

  models
    .command('list')
    .description('every model of the manifest: kind, size, licence, and whether it is here')
    .option('--verify', 'also check size and checksum of the files that are here')
    .action(async (options: { verify?: boolean }) => {
      const where = places();
      const statuses = options.verify ? await verifyModels([], where) : modelPresence(where);
      const byName = new Map(statuses.map((status) => [status.entry.name, status]));
      print(`models folder: ${where.dest}${where.mirror ? `; mirror: ${where.mirror}` : ''}`);
      for (const { entry, path } of modelPresence(where)) {
        const status = byName.get(entry.name) ?? { entry, path };
        print(
          `${entry.name.padEnd(30)} ${entry.kind.padEnd(12)} ${megabytes(entry.sizeBytes).padStart(9)}  ${state(status, where).padEnd(17)} ${entry.license}`,
        );
      }
      if (!options.verify) print('present files are checked by `sysvox models verify` (or `list --verify`)');
    });

  models
    .command('fetch')
    .description(
      'copy from the mirror or download (resumable, HTTPS_PROXY honoured), then verify; the default set when no name',
    )
    .argument('[names...]', 'model names, or piper / whisper')
    .option('--all', 'every model of the manifest (several GB)')
    .action(async (names: string[], options: { all?: boolean }) => {
      await fetchModels({ names, all: options.all, report: print, progress: createProgress(process.stderr) });
    });

  models
    .command('verify')
    .description('check size and checksum (sha256, sha1 or md5, as the publisher gives) of the models that are here')
    .argument('[names...]', 'model names (all present models when none)')
    .action(async (names: string[]) => {
      const statuses = await verifyModels(names, places());
      for (const status of statuses)
        print(`${status.verified ? 'ok  ' : 'FAIL'}  ${status.entry.name.padEnd(30)} ${status.problem ?? status.path}`);
      if (statuses.length === 0) print('no model files here yet: run `sysvox models fetch`');
      if (statuses.some((status) => !status.verified)) {
        print('fix: `sysvox models fetch <name>` replaces a missing or damaged file');
        process.exitCode = 1;
      }
    });

  models
    .command('remove')
    .description('delete a model from the models folder (the mirror is never touched)')
    .argument('<name>', 'model name')
    .action(async (name: string) => {
      const removed = await removeModel(name, defaultModelDir());
      print(removed.length > 0 ? `removed ${removed.join(', ')}` : `${name} is not in ${defaultModelDir()}`);
    });
}

function state(status: ModelStatus, where: ModelPlaces): string {
  if (!status.path) return 'missing';
  const place = status.path.startsWith(where.dest) ? 'here' : 'in mirror';
  if (status.verified === undefined) return `${place}`;
  return status.verified ? `${place}, verified` : `${place}, DAMAGED`;
}
