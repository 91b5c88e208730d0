/**
 * Who may talk to the bot: allow-listed numeric user ids; approvers ("telegram:<id>" in
 * policy.approvers) may also press approval buttons (the policy then decides what the press does). Strangers get no answer at all; each stranger is
 * audited and logged at most once per hour so a flood cannot fill the logs.
 * Where: private chats, and only the groups in allowedChatIds, because everyone in a group reads the
 * answers (buttons also work in the push chats, where notices were sent on purpose). Any other group
 * gets nothing and is audited the same way.
 */
import type { Logger } from '../../src/log.js';
import type { AuditSink } from './ports.js';

export interface AccessGate {
  /** True when the update may be handled; false means: drop it silently. */
  admit(args: {
    userId: number | undefined;
    chatId: number | undefined;
    /** Telegram's chat type: 'private', 'group', 'supergroup' or 'channel'. */
    chatType: string | undefined;
    kind: 'message' | 'callback';
  }): boolean;
}

export interface AccessGateOptions {
  allowedUserIds: number[];
  /** Group chats where allowed users may talk to sysvox; private chats need no entry. */
  allowedChatIds: number[];
  /** Chats that receive notices: their buttons may be pressed. */
  pushChatIds: number[];
  /** policy.approvers; only the "telegram:" entries matter here. */
  approvers: string[];
  audit: AuditSink;
  log: Logger;
  clock?: () => number;
  reportEveryMs?: number;
}

export function createAccessGate(options: AccessGateOptions): AccessGate {
  const allowed = new Set(options.allowedUserIds);
  const approvers = new Set(
    options.approvers
      .filter((entry) => entry.startsWith('telegram:'))
      .map((entry) => Number(entry.slice('telegram:'.length))),
  );
  const clock = options.clock ?? Date.now;
  const reportEveryMs = options.reportEveryMs ?? 60 * 60 * 1000;
  const lastReported = new Map<string, number>();
  const allowedChats = new Set(options.allowedChatIds);
  const pushChats = new Set(options.pushChatIds);

  const firstReportWithin = (key: string) => {
    const now = clock();
    const previous = lastReported.get(key);
    if (previous !== undefined && now - previous < reportEveryMs) return false;
    lastReported.set(key, now);
    return true;
  };

  const reportChat = (userId: number | undefined, chatId: number | undefined, kind: string) => {
    if (!firstReportWithin(`chat:${chatId ?? 0}`)) return;
    options.audit.record({
      kind: 'telegram-chat-not-allowed',
      channel: 'telegram',
      detail: { userId, chatId, update: kind },
    });
    options.log.warn(
      'ignored a Telegram group that is not allow-listed: add its id to channels.telegram.allowedChatIds to answer there',
      { userId, chatId, update: kind },
    );
  };

  const chatAdmitted = (chatId: number | undefined, chatType: string | undefined, kind: string) =>
    chatType === undefined ||
    chatType === 'private' ||
    (chatId !== undefined && (allowedChats.has(chatId) || (kind === 'callback' && pushChats.has(chatId))));

  const reportStranger = (userId: number | undefined, chatId: number | undefined, kind: string) => {
    if (!firstReportWithin(`user:${userId ?? 0}`)) return;
    options.audit.record({ kind: 'telegram-stranger', channel: 'telegram', detail: { userId, chatId, update: kind } });
    options.log.warn('ignored a Telegram update from a user who is not allow-listed', { userId, chatId, update: kind });
  };

  return {
    admit({ userId, chatId, chatType, kind }) {
      const personAdmitted =
        userId !== undefined && (allowed.has(userId) || (kind === 'callback' && approvers.has(userId)));
      if (!personAdmitted) {
        reportStranger(userId, chatId, kind);
        return false;
      }
      if (chatAdmitted(chatId, chatType, kind)) return true;
      reportChat(userId, chatId, kind);
      return false;
    },
  };
}
