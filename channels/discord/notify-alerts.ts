/**
 * notify(): a notice goes to the alert text channel (with Approve/Deny under each action it offers),
 * and is also spoken into the voice call when sysvox sits in one, the call is quiet and speaking there
 * is on (/voice on|off). REST only, so it also works from one-shot commands that never log in.
 */
import type { Notice, NoticeDelivery } from '../../src/core/channel.js';
import type { Logger } from '../../src/log.js';
import type { ApprovalButtons } from './approval-buttons.js';
import type { ReplyTarget } from './reply-target.js';
import { formatReply } from './reply-text.js';
import type { DiscordVoice } from './voice-port.js';

export interface NotifyOptions {
  alertChannelId: string | undefined;
  target: (channelId: string) => ReplyTarget;
  approvals: ApprovalButtons;
  voice: DiscordVoice | undefined;
  /** Whether speaking in the current call is on (/voice on|off on the server of the call). */
  speaksInCall: () => boolean;
  log: Logger;
}

export async function notifyAlertChannel(notice: Notice, options: NotifyOptions): Promise<NoticeDelivery> {
  const spoken = await speak(notice, options);
  const channelId = options.alertChannelId;
  const alsoSpoken = spoken ? '; spoken in the voice call' : '';
  if (channelId === undefined)
    return spoken
      ? { status: 'delivered', detail: 'spoken in the voice call (no alert channel configured)' }
      : { status: 'skipped', detail: 'no alert channel configured (channels.discord.alertChannelId)' };
  const target = options.target(channelId);
  try {
    const actions = notice.actions ?? [];
    if (actions.length === 0) for (const content of formatReply(notice.text)) await target.send({ content });
    for (const [index, approval] of actions.entries())
      await options.approvals.offer(target, approval, index === 0 ? notice.text : undefined);
    return { status: 'delivered', detail: `posted in channel ${channelId}${alsoSpoken}` };
  } catch (error) {
    options.log.warn('could not post a notice in the alert channel', { channelId, key: notice.key, error });
    return { status: spoken ? 'delivered' : 'failed', detail: `alert channel ${channelId} not reachable${alsoSpoken}` };
  }
}

async function speak(notice: Notice, options: NotifyOptions): Promise<boolean> {
  const voice = options.voice;
  if (!voice?.connected() || !voice.quiet() || !options.speaksInCall()) return false;
  try {
    await voice.speak(notice.text);
    return true;
  } catch (error) {
    options.log.warn('could not speak a notice in the voice call', { key: notice.key, error });
    return false;
  }
}
