import { stripChatTemplateTokens } from '../toolkit/data-markers.js';

/**
 * What is left to speak of model text once template tokens, hidden reasoning and tool-call tags are
 * gone: '' when nothing a person could hear remains.
 */
export function speakableText(text: string): string {
  const cleaned = stripChatTemplateTokens(withoutRoleHeaders(text.replace(/<think>[\s\S]*?(<\/think>|$)/g, '')))
    .replace(/```[a-z]*\s*```/g, '')
    .trim();
  return /[\p{L}\p{N}]/u.test(cleaned) ? cleaned : '';
}

/** "<|im_start|>assistant" and "<|start_header_id|>assistant<|end_header_id|>" open a turn: the role is not words. */
function withoutRoleHeaders(text: string): string {
  return text
    .replace(/<\|im_start\|>\s*(?:system|user|assistant|tool)\b/g, '')
    .replace(/<\|start_header_id\|>[^<]{0,20}<\|end_header_id\|>/g, '')
    .replace(/<start_of_turn>\s*(?:user|model)\b/g, '');
}

/**
 * Everything the brain has said in this turn. The first piece of each model reply is separated from
 * the previous reply by a space; pieces within one reply are joined exactly as streamed.
 */
export interface Speech {
  readonly text: string;
  /** The next piece starts a new reply. */
  startReply(): void;
  /** Adds a piece and returns the delta to emit (the piece, maybe with a separating space). */
  add(piece: string): string;
}

export function createSpeech(): Speech {
  let text = '';
  let fresh = true;
  return {
    get text() {
      return text;
    },
    startReply: () => {
      fresh = true;
    },
    add: (piece) => {
      const separate = fresh && text !== '' && !/\s$/.test(text) && !/^\s/.test(piece);
      const delta = separate ? ` ${piece}` : piece;
      fresh = false;
      text += delta;
      return delta;
    },
  };
}
