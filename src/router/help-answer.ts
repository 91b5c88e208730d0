/**
 * The spoken help text, built from the templates' help topics so it always lists what the router
 * really understands.
 */
import type { Template } from './types.js';
import { joinSpoken } from './speech-format.js';

export function helpAnswer(templates: readonly Template[]): string {
  const topics = (kind: 'ask' | 'do') => [
    ...new Set(templates.flatMap((template) => (template.help?.kind === kind ? [template.help.topic] : []))),
  ];
  const ask = topics('ask');
  const act = topics('do');
  const first = ask.length > 0 ? `You can ask me about ${joinSpoken(ask)}.` : '';
  const second = act.length > 0 ? ` I can also ${joinSpoken(act)}.` : '';
  return `${first}${second} For anything else, just ask, and the language model will try.`.trim();
}
