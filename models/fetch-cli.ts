/** `scripts/fetch-models [name ...]`: copies or downloads the models of the manifest, verified by sha256. */
import { describeError } from '../src/errors.js';
import { fetchModels } from './fetch-models.js';
import { modelManifest } from './manifest.js';

const names = process.argv.slice(2);
if (names.includes('--help') || names.includes('-h')) {
  process.stdout.write(
    'usage: scripts/fetch-models [name ...]\nmodels: ' +
      modelManifest.map((entry) => entry.name).join(', ') +
      '\n' +
      'Reads SYSVOX_MODEL_MIRROR first; writes to $SYSVOX_DATA/models (default ./data/models).\n',
  );
} else {
  try {
    await fetchModels({ names });
  } catch (error) {
    process.stderr.write(describeError(error) + '\n');
    process.exitCode = 1;
  }
}
