import { SysvoxError } from '../src/errors.js';

/** A model could not be found, fetched or verified. The message names the model and every place tried. */
export class ModelError extends SysvoxError {
  readonly model: string;
  constructor(model: string, message: string, options: { cause?: unknown; transient?: boolean } = {}) {
    super('model', message, { ...options, spoken: 'A voice model is missing; run scripts/fetch-models.' });
    this.model = model;
  }
}
