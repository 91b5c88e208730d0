import { apology, SysvoxError } from '../errors.js';
import type { Brain, BrainRequest } from '../brain/brain-types.js';
import { createSentenceSplitter } from './sentences.js';
import type { TurnEvent } from '../types.js';

/**
 * Runs the brain and turns its deltas into sentence events as soon as each sentence is complete,
 * so speech can start before the brain is done.
 */
export async function* streamBrain(brain: Pick<Brain, 'run'>, request: BrainRequest): AsyncGenerator<TurnEvent> {
  const splitter = createSentenceSplitter();
  let spoken = '';
  try {
    for await (const event of brain.run(request)) {
      if (event.type === 'text-delta') {
        yield event;
        for (const sentence of splitter.push(event.text)) {
          spoken += (spoken ? ' ' : '') + sentence;
          yield { type: 'sentence', text: sentence };
        }
      } else if (event.type === 'done') {
        for (const sentence of splitter.flush()) {
          spoken += (spoken ? ' ' : '') + sentence;
          yield { type: 'sentence', text: sentence };
        }
        // The brain may end with text it never streamed (an error sentence, an approval request).
        if (event.text && !spoken) yield { type: 'sentence', text: event.text };
        yield { type: 'done', text: event.text || spoken, source: event.source };
        return;
      } else {
        yield event;
      }
    }
  } catch (error) {
    const text = error instanceof SysvoxError ? error.spoken : apology;
    yield { type: 'sentence', text };
    yield { type: 'done', text, source: 'error' };
  }
}
