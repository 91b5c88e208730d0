/**
 * Models for tests, found the way sysvox finds them: the mirror (SYSVOX_MODEL_MIRROR, or ../shared/models
 * beside the checkout), else what scripts/fetch-models put in the checkout's data/models. A test whose
 * models are nowhere skips with one line that says so; under CI=true that is a failure.
 */
import { resolveModel } from '../../models/resolve-model.js';
import type { Requirement } from './audio-fixtures.js';

export async function requireModels(names: string[]): Promise<Requirement> {
  const missing: string[] = [];
  for (const name of names) {
    // Apps under test have their own SYSVOX_DATA, so only the mirror counts (model-mirror.global.ts makes the
    // checkout's data/models the mirror when none is set).
    await resolveModel(name, { dest: '/nonexistent' }).catch(() => missing.push(name));
  }
  if (missing.length === 0) return { skip: false, reason: '' };
  const reason = `models ${missing.join(', ')} not found (run scripts/fetch-models, or set SYSVOX_MODEL_MIRROR)`;
  if (process.env.CI === 'true') throw new Error(`CI=true and the test needs ${reason}`);
  console.warn(`skipping: ${reason}`);
  return { skip: true, reason };
}

/** The openWakeWord models the voice pipeline loads by default (feature models and hey_jarvis). */
export const defaultWakeModels = ['melspectrogram', 'embedding', 'hey_jarvis'];
