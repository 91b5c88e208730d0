/**
 * The memory area: facts the user asks sysvox to remember ("remember that nas is the storage box"),
 * its tools, its two templates (the {fact} slot is the core's) and their answers.
 */
import type { Memory } from '../../src/memory/memory.js';
import { answer, answerFrom, notOk } from '../../src/router/answer-kit.js';
import { slotAsSaid } from '../../src/router/slot-as-said.js';
import type { ToolArea } from '../../src/router/area.js';
import type { Template } from '../../src/router/types.js';
import { memoryTools } from './memory-tools.js';

const memoryTemplates: readonly Template[] = [
  {
    intent: 'remember',
    patterns: ['remember [that] {fact}', '(note | make a note | keep in mind) that {fact}'],
    help: { kind: 'do', topic: 'remember a fact' },
  },
  {
    intent: 'forget',
    patterns: [
      'forget (that | about) {fact}',
      'forget the fact that {fact}',
      'forget what (i told you | you know) about {fact}',
      'forget {fact}',
    ],
    help: { kind: 'do', topic: 'forget it again' },
  },
];

export function createMemoryArea(deps: { memory: Pick<Memory, 'facts'> }): ToolArea {
  const tools = memoryTools(deps.memory);
  return {
    name: 'memory',
    tools: Object.values(tools),
    templates: memoryTemplates,
    answers: {
      remember: async (context) => {
        // Remembered as written ("port > 8080 # nas"), not as the matcher's lowercase words.
        const fact = slotAsSaid(context.match.said, context.match.slots.fact ?? '');
        const outcome = await context.invoke(tools.remember.name, { text: fact });
        return outcome.status === 'ok' ? answer(`I'll remember that ${fact}.`) : notOk(outcome, 'remembering that');
      },
      forget: (context) => {
        const fact = context.match.slots.fact ?? '';
        return answerFrom(context, tools.forget, { query: fact }, 'forgetting that', (result) =>
          result.removed === 0
            ? `I had nothing remembered about ${fact}.`
            : `I've forgotten what I knew about ${fact}.`,
        );
      },
    },
  };
}
