/**
 * Who may answer an approval: the person who asked; an approver (config policy.approvers, "channel:id");
 * and the server's operator at the CLI, who has a shell on the server and so could edit the database and
 * the config anyway (docs/decisions/009-one-way-into-approvals.md). sysvox itself never answers one.
 */
import type { ApprovalRecord } from '../memory/approvals.js';
import type { Caller } from './outcome.js';
import { callerKey, type RunnerContext } from './runner-context.js';
import { isSystem } from './system-caller.js';

/** Channels whose callers are at the server itself. */
const operatorChannels: ReadonlySet<string> = new Set(['cli']);

/** May `by` answer other people's and sysvox's own requests? */
export function answersForOthers(context: Pick<RunnerContext, 'approvers'>, by: Caller): boolean {
  if (isSystem(by)) return false;
  return context.approvers.has(callerKey(by)) || operatorChannels.has(by.channel);
}

export function mayResolve(context: Pick<RunnerContext, 'approvers'>, record: ApprovalRecord, by: Caller): boolean {
  if (isSystem(by)) return false;
  return record.personId === by.personId || answersForOthers(context, by);
}
