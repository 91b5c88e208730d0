import { SysvoxError } from '../../src/errors.js';

export type AudioProblem = 'empty' | 'not-wav' | 'truncated' | 'too-large' | 'unsupported' | 'device' | 'source';

/** Audio that cannot be read, converted, captured or played. The message says what is wrong with it. */
export class AudioError extends SysvoxError {
  readonly problem: AudioProblem;
  constructor(problem: AudioProblem, message: string, options: { cause?: unknown; transient?: boolean } = {}) {
    super(`audio:${problem}`, message, { ...options, spoken: 'I could not use that audio.' });
    this.problem = problem;
  }
}
