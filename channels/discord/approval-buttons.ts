/**
 * Approvals on buttons: Approve / Deny with custom ids "ap:<id>:y" / "ap:<id>:n". The policy decides
 * (only the requester or an approver; once; before expiry) through the resolver, the one way into
 * approvals. A press is acknowledged at once (Discord wants an answer within 3 seconds), then the
 * message is edited with the outcome and loses its buttons; a refusal ("you can't approve this",
 * "already handled") is told only to the person who pressed.
 */
import { ButtonStyle, ComponentType, MessageFlags, type ButtonInteraction } from 'discord.js';
import { apology } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { ApprovalView } from '../../src/types.js';
import type { ApprovalResolver, ApprovalStatus } from './ports.js';
import type { ActionRow, ReplyTarget } from './reply-target.js';
import { discordMessageLimit, noMentions } from './reply-text.js';

export interface ApprovalButtons {
  /** Sends the request with Approve/Deny; `lead` (a notice's text) goes above it in the same message. */
  offer(target: ReplyTarget, approval: ApprovalView, lead?: string): Promise<void>;
  press(interaction: ButtonInteraction): Promise<void>;
}

const answers: Record<ApprovalStatus, string> = {
  executed: 'Approved.',
  denied: 'Denied.',
  expired: 'This approval has expired.',
  'not-allowed': "You can't approve this.",
  'not-found': "I can't find that approval any more.",
  'already-resolved': 'Already handled.',
};

export function approvalButtonsRow(approvalId: string): ActionRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Success, label: 'Approve', custom_id: `ap:${approvalId}:y` },
      { type: ComponentType.Button, style: ButtonStyle.Danger, label: 'Deny', custom_id: `ap:${approvalId}:n` },
    ],
  };
}

export function describeApproval(approval: ApprovalView, now: number): string {
  const minutes = Math.max(1, Math.round((approval.expiresAt.getTime() - now) / 60_000));
  return `Approval needed: ${approval.description}\nThis request expires in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** Outcomes that settle (or can never settle) the request: the message shows them and loses its buttons. */
const editsTheMessage = (status: ApprovalStatus) => status !== 'not-allowed' && status !== 'already-resolved';

export function createApprovalButtons(options: {
  resolver: ApprovalResolver;
  log: Logger;
  clock?: () => number;
}): ApprovalButtons {
  const { resolver, log } = options;
  const clock = options.clock ?? Date.now;

  const decide = async (interaction: ButtonInteraction, approvalId: string, approve: boolean) => {
    try {
      const userId = interaction.user.id;
      const result = await resolver.resolve({
        approvalId,
        decision: approve ? 'approve' : 'deny',
        person: { channel: 'discord', externalId: userId, displayName: interaction.user.displayName },
        channel: 'discord',
      });
      log.info('approval button pressed', { approvalId, userId, status: result.status });
      return { status: result.status, text: result.text || answers[result.status] };
    } catch (error) {
      log.error('approval resolver failed', { error });
      return { status: 'not-found' as const, text: apology, failed: true };
    }
  };

  return {
    async offer(target, approval, lead) {
      const text = describeApproval(approval, clock());
      const content = (lead ? `${lead}\n\n${text}` : text).slice(0, discordMessageLimit);
      await target.send({ content, components: [approvalButtonsRow(approval.id)] });
    },
    async press(interaction) {
      const match = /^ap:(.+):([yn])$/.exec(interaction.customId);
      if (match?.[1] === undefined) return;
      await interaction.deferUpdate();
      const outcome = await decide(interaction, match[1], match[2] === 'y');
      if (!('failed' in outcome) && editsTheMessage(outcome.status)) {
        const original = interaction.message.content;
        const content = `${original}\n\n${outcome.text}`.slice(0, discordMessageLimit);
        await interaction.editReply({ content, components: [], allowedMentions: noMentions });
        return;
      }
      const text = 'failed' in outcome ? outcome.text : answers[outcome.status];
      await interaction.followUp({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
    },
  };
}
