/**
 * `sysvox models list | fetch | verify | remove`: the model manifest from the terminal. scripts/fetch-models
 * runs `models fetch`, so the installer and a person use the same code. Needs no config or database.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { fetchModels } from '../../../models/fetch-models.js';
import { defaultMirror } from '../../../models/model-files.js';
import {
  modelPresence,
  removeModel,
  verifyModels,
  type ModelPlaces,
  type ModelStatus,
} from '../../../models/model-status.js';
import { createProgress } from '../../../models/progress.js';
import { loadConfig } from '../../config/load.js';
import { resolveDataDir } from '../../memory/data-dir.js';

/** <data dir>/models, the data dir chosen as the service chooses it ($SYSVOX_DATA, config dataDir, ...). */
function places(command: Command): ModelPlaces {
  const { config } = command.optsWithGlobals() as { config?: string };
  const dataDir = resolveDataDir({ configured: loadConfig({ path: config }).config.dataDir });
  return { dest: join(dataDir.dir, 'models'), mirror: defaultMirror() };
}
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
    .action(async (options: { verify?: boolean }, command: Command) => {
      const where = places(command);
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
    .action(async (names: string[], options: { all?: boolean }, command: Command) => {
      const { dest, mirror } = places(command);
      await fetchModels({
        names,
        all: options.all,
        dest,
        mirror,
        report: print,
        progress: createProgress(process.stderr),
      });
    });

  models
    .command('verify')
    .description('check size and checksum (sha256, sha1 or md5, as the publisher gives) of the models that are here')
    .argument('[names...]', 'model names (all present models when none)')
    .action(async (names: string[], _options: unknown, command: Command) => {
      const statuses = await verifyModels(names, places(command));
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
    .action(async (name: string, _options: unknown, command: Command) => {
      const { dest } = places(command);
      const removed = await removeModel(name, dest);
      print(removed.length > 0 ? `removed ${removed.join(', ')}` : `${name} is not in ${dest}`);
    });
}

function state(status: ModelStatus, where: ModelPlaces): string {
  if (!status.path) return 'missing';
  const place = status.path.startsWith(where.dest) ? 'here' : 'in mirror';
  if (status.verified === undefined) return `${place}`;
  return status.verified ? `${place}, verified` : `${place}, DAMAGED`;
}
