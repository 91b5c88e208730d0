import type { Memory } from '../memory/memory.js';
import type { CoreMemory } from './ports.js';

/** Binds the core's narrow memory port to the SQLite stores. */
export function createCoreMemory(memory: Memory): CoreMemory {
  return {
    resolvePerson: (ref) => memory.people.resolve(ref),
    openConversation: (channel, key, personId) => memory.conversations.open({ channel, key, personId }),
    addMessage: (conversationId, role, text) => void memory.conversations.append(conversationId, role, text),
    recentMessages: (conversationId, limit) =>
      memory.conversations
        .recent(conversationId, limit)
        .filter((message): message is typeof message & { role: 'user' | 'assistant' } => message.role !== 'tool')
        .map((message) => ({ role: message.role, content: message.text })),
    facts: () => memory.facts.list().map((fact) => fact.text),
    recordTiming: (entry) => memory.timings.record(entry),
    audit: (entry) => memory.audit.record(entry),
  };
}
