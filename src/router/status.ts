/**
 * The overall status sentence: the lead area's figures, then every other area's part, each joined
 * with "and" or, for a problem, "but".
 */
import type { StatusPart } from './area.js';

/** "CPU is at 12 percent, memory at 41 percent, but 2 of 5 containers have problems: ..." */
export function statusSentence(lead: string, parts: readonly StatusPart[]): string {
  const clauses = parts.map((part) => `${part.problem ? 'but' : 'and'} ${part.clause}`);
  return `${[lead, ...clauses].join(', ')}.`;
}
