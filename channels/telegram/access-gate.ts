/**
 * Who may talk to the bot: allow-listed numeric user ids; approvers ("telegram:<id>" in
 * policy.approvers) may also press approval buttons (the policy then decides what the press does). Strangers get no answer at all; each stranger is
 * audited and logged at most once per hour so a flood cannot fill the logs.
 */
import type { Logger } from '../../src/log.js';
import type { AuditSink } from './ports.js';

export interface AccessGate {
  /** True when the update may be handled; false means: drop it silently. */
  admit(args: { userId: number | undefined; chatId: number | undefined; kind: 'message' | 'callback' }): boolean;
}

export interface AccessGateOptions {
  allowedUserIds: number[];
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
  const lastReported = new Map<number, number>();

  const reportStranger = (userId: number | undefined, chatId: number | undefined, kind: string) => {
    const key = userId ?? 0;
    const now = clock();
    const previous = lastReported.get(key);
    if (previous !== undefined && now - previous < reportEveryMs) return;
    lastReported.set(key, now);
    options.audit.record({ kind: 'telegram-stranger', channel: 'telegram', detail: { userId, chatId, update: kind } });
    options.log.warn('ignored a Telegram update from a user who is not allow-listed', { userId, chatId, update: kind });
  };

  return {
    admit({ userId, chatId, kind }) {
      if (userId !== undefined && allowed.has(userId)) return true;
      if (kind === 'callback' && userId !== undefined && approvers.has(userId)) return true;
      reportStranger(userId, chatId, kind);
      return false;
    },
  };
}
