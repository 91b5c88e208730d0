import type { Database } from 'better-sqlite3';

export type MessageRole = 'user' | 'assistant' | 'tool';

export interface StoredMessage {
  id: number;
  role: MessageRole;
  text: string;
  createdAt: Date;
}

export interface ConversationStore {
  /** The conversation for a channel's key (a chat id, 'mic', 'terminal'), created on first use. */
  open(options: { channel: string; key: string; personId?: number }): number;
  append(conversationId: number, role: MessageRole, text: string): StoredMessage;
  /** The last `limit` messages, oldest first (ready to put into a prompt). */
  recent(conversationId: number, limit: number): StoredMessage[];
}

interface MessageRow {
  id: number;
  role: MessageRole;
  text: string;
  created_at: number;
}

export function createConversationStore(database: Database, clock: () => Date): ConversationStore {
  const find = database.prepare<[string, string], { id: number }>(
    'SELECT id FROM conversations WHERE channel = ? AND key = ?',
  );
  const insert = database.prepare<[string, string, number | null, number]>(
    'INSERT INTO conversations (channel, key, person_id, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertMessage = database.prepare<[number, MessageRole, string, number]>(
    'INSERT INTO messages (conversation_id, role, text, created_at) VALUES (?, ?, ?, ?)',
  );
  const selectRecent = database.prepare<[number, number], MessageRow>(
    'SELECT id, role, text, created_at FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT ?',
  );

  return {
    open({ channel, key, personId }) {
      const found = find.get(channel, key);
      if (found) return found.id;
      return Number(insert.run(channel, key, personId ?? null, clock().getTime()).lastInsertRowid);
    },
    append(conversationId, role, text) {
      const createdAt = clock();
      const id = Number(insertMessage.run(conversationId, role, text, createdAt.getTime()).lastInsertRowid);
      return { id, role, text, createdAt };
    },
    recent(conversationId, limit) {
      return selectRecent
        .all(conversationId, Math.max(0, limit))
        .reverse()
        .map((row) => ({ id: row.id, role: row.role, text: row.text, createdAt: new Date(row.created_at) }));
    },
  };
}
