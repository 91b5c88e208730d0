/**
 * A Core test double: answers each turn from a script function and records the turns it saw.
 * It stands in for the real core, which another engineer is building.
 */
import type { Core, Turn } from '../../../src/core/turn.js';
import type { TurnEvent } from '../../../src/types.js';

export type CoreScript = (turn: Turn) => TurnEvent[] | Promise<TurnEvent[]>;

export interface ScriptedCore extends Core {
  turns: Turn[];
}

export function createScriptedCore(script: CoreScript, options: { delayMs?: number } = {}): ScriptedCore {
  const turns: Turn[] = [];
  return {
    turns,
    async *handle(turn) {
      turns.push(turn);
      yield { type: 'thinking', stage: 'brain' };
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      for (const event of await script(turn)) yield event;
    },
    resolveApproval: () => Promise.reject(new Error('the scripted core answers turns only')),
    requestAction: () => Promise.reject(new Error('the scripted core answers turns only')),
  };
}

/** The usual final event. */
export function done(text: string, source: 'router' | 'brain' | 'approval' = 'router'): TurnEvent {
  return { type: 'done', text, source };
}
