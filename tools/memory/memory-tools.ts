import { z } from 'zod';
import type { FactStore } from '../../src/memory/facts.js';
import type { Memory } from '../../src/memory/memory.js';
import { defineTool, type AnyTool } from '../../src/toolkit/tool.js';

/** Facts the user asked sysvox to remember ("remember that nas is the storage box"), by role. All safe. */
export function memoryTools(memory: Pick<Memory, 'facts'>) {
  return { remember: rememberFact(memory.facts), forget: forgetFact(memory.facts), list: listFacts(memory.facts) };
}

export function createMemoryTools(memory: Pick<Memory, 'facts'>): AnyTool[] {
  return Object.values(memoryTools(memory));
}

function rememberFact(facts: FactStore) {
  return defineTool({
    name: 'remember_fact',
    description: 'Remember a fact the user states about their servers or setup, for later questions.',
    risk: 'safe',
    input: z.object({ text: z.string().trim().min(3).max(500).describe('The fact, as a short sentence') }),
    describeCall: (input) => `remember "${input.text}"`,
    execute: async (input) => {
      const fact = facts.remember(input.text);
      return { remembered: fact.text, id: fact.id };
    },
    output: z.object({ remembered: z.string(), id: z.number() }),
  });
}

function forgetFact(facts: FactStore) {
  return defineTool({
    name: 'forget_fact',
    description: 'Forget the remembered facts that match a few words from them.',
    risk: 'safe',
    input: z.object({ query: z.string().trim().min(2).max(200).describe('Words from the fact to forget') }),
    describeCall: (input) => `forget facts about "${input.query}"`,
    execute: async (input) => ({ removed: facts.forget(input.query) }),
    output: z.object({ removed: z.number().int().min(0) }),
  });
}

function listFacts(facts: FactStore) {
  return defineTool({
    name: 'list_facts',
    description: 'List every fact the user asked to remember.',
    risk: 'safe',
    input: z.object({}),
    describeCall: () => 'list remembered facts',
    execute: async () => ({ facts: facts.list().map((fact) => fact.text) }),
    output: z.object({ facts: z.array(z.string()) }),
  });
}
