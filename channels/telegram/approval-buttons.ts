/**
 * Approvals on inline buttons: Approve / Deny with callback data "ap:<id>:y" / "ap:<id>:n".
 * The policy decides (only the requester or an approver; once; before expiry); the callback is always
 * answered; the message is edited to show the outcome; a second press changes nothing ("Already handled.").
 * The press is answered within `answerWithinMs`: with the outcome when the policy has decided by then,
 * otherwise with "Working on it." while the action runs, and the message shows the outcome when it ends
 * (Telegram refuses a late answer, and the person's button spins until it gets one).
 */
import type { ApprovalView } from '../../src/types.js';
import type { Logger } from '../../src/log.js';
import type { ApprovalResolver, ApprovalStatus } from './ports.js';
import type { InlineKeyboard, TelegramApi } from './telegram-api.js';
import { apology } from '../../src/errors.js';

export interface ApprovalPress {
  callbackQueryId: string;
  data: string;
  userId: number;
  chatId?: number;
  messageId?: number;
  /** The text of the message the buttons hang under, as Telegram shows it. */
  messageText?: string;
}

export interface ApprovalButtons {
  /** Sends the request with Approve/Deny; `lead` (a notice's text) goes above it in the same message. */
  offer(chatId: number, approval: ApprovalView, lead?: string): Promise<void>;
  press(press: ApprovalPress): Promise<void>;
}

const answers: Record<ApprovalStatus, string> = {
  executed: 'Approved.',
  denied: 'Denied.',
  expired: 'This approval has expired.',
  'not-allowed': "You can't approve this.",
  'not-found': "I can't find that approval any more.",
  'already-resolved': 'Already handled.',
};

export const workingOnIt = 'Working on it.';

export function approvalKeyboard(approvalId: string): InlineKeyboard {
  return [
    [
      { text: 'Approve', callback_data: `ap:${approvalId}:y` },
      { text: 'Deny', callback_data: `ap:${approvalId}:n` },
    ],
  ];
}

export function describeApproval(approval: ApprovalView, now: number): string {
  const minutes = Math.max(1, Math.round((approval.expiresAt.getTime() - now) / 60_000));
  return `Approval needed: ${approval.description}\nThis request expires in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** Outcomes that settle (or can never settle) the request: the message shows them and loses its buttons. */
const editsTheMessage = (status: ApprovalStatus) => status !== 'not-allowed' && status !== 'already-resolved';

/**
 * Who may decide, whether the request expired and whether it was already decided are the policy's
 * answers (through the resolver), so they hold across restarts and every refusal is audited there.
 */
export function createApprovalButtons(options: {
  api: TelegramApi;
  resolver: ApprovalResolver;
  log: Logger;
  clock?: () => number;
  /** How long a press waits for the policy's answer before answering "Working on it."; 500 ms by default. */
  answerWithinMs?: number;
}): ApprovalButtons {
  const { api, resolver, log } = options;
  const clock = options.clock ?? Date.now;
  const answerWithinMs = options.answerWithinMs ?? 500;

  const decide = async (press: ApprovalPress, approvalId: string, approve: boolean): Promise<string> => {
    const person = { channel: 'telegram', externalId: String(press.userId) };
    const result = await resolver.resolve({
      approvalId,
      decision: approve ? 'approve' : 'deny',
      person,
      channel: 'telegram',
    });
    if (editsTheMessage(result.status)) await showOutcome(press, result.text || answers[result.status]);
    log.info('approval button pressed', { approvalId, userId: press.userId, status: result.status });
    return answers[result.status];
  };

  const showOutcome = async (press: ApprovalPress, outcome: string) => {
    if (press.chatId === undefined || press.messageId === undefined) return;
    const original = press.messageText ? `${press.messageText}\n\n` : '';
    await api.editText(press.chatId, press.messageId, `${original}${outcome}`).catch((error: unknown) => {
      log.warn('could not edit the approval message', { error });
    });
  };

  return {
    async offer(chatId, approval, lead) {
      const text = describeApproval(approval, clock());
      await api.sendText(chatId, lead ? `${lead}\n\n${text}` : text, { keyboard: approvalKeyboard(approval.id) });
    },
    async press(press) {
      const match = /^ap:(.+):([yn])$/.exec(press.data);
      const decision = (async (): Promise<string | undefined> => {
        try {
          return match?.[1] !== undefined ? await decide(press, match[1], match[2] === 'y') : undefined;
        } catch (error) {
          log.error('approval resolver failed', { error });
          return apology;
        }
      })();
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(workingOnIt), answerWithinMs);
      });
      const answer = await Promise.race([decision, slow]);
      clearTimeout(timer);
      await api.answerCallback(press.callbackQueryId, answer).catch((error: unknown) => {
        log.warn('could not answer the callback query', { error });
      });
      await decision;
    },
  };
}
