/**
 * Approval buttons (Telegram, Discord) answer through the core's one entry, like the CLI, chat and voice.
 * A button always carries its approval's id, so 'ambiguous' cannot come back (read as not found), and a
 * button needs no spoken target ('needs-target' is read as not allowed).
 */
import type { ApprovalResolver } from '../../channels/telegram/ports.js';
import type { Core } from '../core/turn.js';

export function buttonApprovals(core: Pick<Core, 'resolveApproval'>): ApprovalResolver {
  return {
    async resolve(answer) {
      const resolution = await core.resolveApproval(answer);
      const status =
        resolution.status === 'needs-target'
          ? 'not-allowed'
          : resolution.status === 'ambiguous'
            ? 'not-found'
            : resolution.status;
      return { status, text: resolution.message };
    },
  };
}
