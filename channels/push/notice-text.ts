/**
 * What a push notification says. Push servers have no buttons, so an offered action becomes a line that
 * says how to approve it elsewhere: Telegram's button, the spoken confirm phrase, or the command line.
 */
import type { Notice, NoticeSeverity } from '../../src/core/channel.js';
import type { ApprovalView } from '../../src/types.js';

/** Where else a person can approve: only the channels that are on are named. */
export interface ApproveWith {
  telegram: boolean;
  voice: boolean;
}

/** ASCII only: ntfy takes the title as an HTTP header. */
export function noticeTitle(severity: NoticeSeverity): string {
  return `sysvox: ${severity}`;
}

export function noticeMessage(notice: Notice, options: { approveWith: ApproveWith; now: number }): string {
  const offers = (notice.actions ?? []).map((approval) => describeOffer(approval, options));
  return [notice.text, ...offers].join('\n\n');
}

/** "Offered: restart container 'plex' (expires in 10 minutes).\nTo approve: press Approve in Telegram, ..." */
function describeOffer(approval: ApprovalView, options: { approveWith: ApproveWith; now: number }): string {
  const minutes = Math.max(1, Math.round((approval.expiresAt.getTime() - options.now) / 60_000));
  const ways = [
    ...(options.approveWith.telegram ? ['press Approve in Telegram'] : []),
    ...(options.approveWith.voice ? [`say "${approval.confirmPhrase}"`] : []),
    `run: sysvox approvals approve ${approval.id}`,
  ];
  const last = ways.pop()!;
  const listed = ways.length > 0 ? `${ways.join(', ')}, or ${last}` : last;
  return `Offered: ${approval.description} (expires in ${minutes} minute${minutes === 1 ? '' : 's'}).\nTo approve, ${listed}`;
}
