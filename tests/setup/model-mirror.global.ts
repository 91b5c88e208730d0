/**
 * vitest global setup: tests build apps with their own SYSVOX_DATA, so the models that scripts/fetch-models
 * put in the checkout's data/models would not be found there. Where no mirror is configured, that folder
 * serves as the mirror for the run (it has the mirror's layout).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultMirror } from '../../models/model-files.js';

export default function setup(): void {
  if (defaultMirror()) return;
  const fetched = join(resolve(import.meta.dirname, '..', '..'), 'data', 'models');
  if (existsSync(fetched)) process.env.SYSVOX_MODEL_MIRROR = fetched;
}
