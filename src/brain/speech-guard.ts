/**
 * Streams model text to the listener, but holds back everything from the first character that could
 * start a tool call printed as text or a chat-template token ({ [ < `), so JSON and template tokens
 * are never spoken. Ordinary spoken answers rarely contain these, so nearly all text streams at once.
 */
export interface SpeechGuard {
  /** Adds model text; returns the part that is safe to speak now (may be ''). */
  push(text: string): string;
  /** Returns what was held back, to be examined once the model message is complete. */
  finish(): string;
}

const suspicious = /[{[<`]/;

export function createSpeechGuard(): SpeechGuard {
  let holding = false;
  let held = '';
  let pending = '';
  return {
    push: (text) => {
      if (holding) {
        held += text;
        return '';
      }
      const combined = pending + text;
      const position = combined.search(suspicious);
      const safe = position === -1 ? combined : combined.slice(0, position);
      if (position !== -1) {
        holding = true;
        held = combined.slice(position);
      }
      // Leading whitespace alone is not worth speaking yet; keep it until real text arrives.
      if (!/\S/.test(safe)) {
        pending = holding ? '' : safe;
        return '';
      }
      pending = '';
      return safe;
    },
    finish: () => {
      const rest = pending + held;
      holding = false;
      held = '';
      pending = '';
      return rest;
    },
  };
}
