/**
 * Sends a notice (an alert, a recovery, an offered action) to the configured push chats. A chat that
 * said /mute is skipped and counted; a notice with actions carries Approve/Deny buttons, so a press
 * goes through the same approval path as a button under a reply.
 */
import type { Notice, NoticeDelivery } from '../../src/core/channel.js';
import type { Logger } from '../../src/log.js';
import type { ApprovalButtons } from './approval-buttons.js';
import type { TelegramApi } from './telegram-api.js';

export interface NotifyChatsOptions {
  api: TelegramApi;
  approvals: ApprovalButtons;
  chatIds: number[];
  isMuted: (chatId: number) => boolean;
  log: Logger;
}

export async function notifyChats(notice: Notice, options: NotifyChatsOptions): Promise<NoticeDelivery> {
  const { chatIds, log } = options;
  if (chatIds.length === 0)
    return { status: 'skipped', detail: 'no push chats configured (channels.telegram.pushChatIds)' };
  const muted = chatIds.filter((chatId) => options.isMuted(chatId));
  let sent = 0;
  for (const chatId of chatIds) {
    if (muted.includes(chatId)) continue;
    try {
      await sendNotice(chatId, notice, options);
      sent += 1;
    } catch (error) {
      log.warn('could not send a notice to a chat', { chatId, key: notice.key, error });
    }
  }
  const mutedNote = muted.length > 0 ? `; ${muted.length} muted` : '';
  if (sent > 0) return { status: 'delivered', detail: `sent to ${sent} chat${sent === 1 ? '' : 's'}${mutedNote}` };
  if (muted.length === chatIds.length)
    return { status: 'skipped', detail: `muted in all ${muted.length} push chat${muted.length === 1 ? '' : 's'}` };
  return { status: 'failed', detail: `no push chat could be reached${mutedNote}` };
}

/** The notice's text; with actions, the first offer carries the text and each action its own buttons. */
async function sendNotice(chatId: number, notice: Notice, options: NotifyChatsOptions): Promise<void> {
  const actions = notice.actions ?? [];
  if (actions.length === 0) {
    await options.api.sendText(chatId, notice.text);
    return;
  }
  for (const [index, approval] of actions.entries()) {
    await options.approvals.offer(chatId, approval, index === 0 ? notice.text : undefined);
  }
}
