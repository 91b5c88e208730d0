import type { ApprovalView, NamedRequest } from '../types.js';
import type { ApprovalRecord } from '../memory/approvals.js';
import { hostOf } from '../toolkit/host-input.js';
import { answersForOthers, mayResolve } from './approval-rights.js';
import { namesTarget, toApprovalView } from './approval-view.js';
import { auditKinds } from './audit-kinds.js';
import { hashArguments } from './call-identity.js';
import type { Caller, InvokeOutcome } from './outcome.js';
import { runAllowedTool } from './run-tool.js';
import { auditFor, callerKey, type RunnerContext } from './runner-context.js';
import { isSystem } from './system-caller.js';

export interface ResolveApprovalRequest {
  decision: 'approve' | 'deny';
  by: Caller;
  /**
   * Without an id ("yes" at the prompt): the newest pending request of `by`, then, for an approver or the
   * operator, the newest one sysvox itself made; of those, one whose target the spoken text names wins.
   */
  approvalId?: string;
  /** What a voice caller said; it must name the confirm target to approve. */
  spokenText?: string;
  /**
   * What the confirmation itself names ("yes, restart plex" -> plex-server, restart): an approval then goes
   * only to a request for that target and action, never to another one that happens to be waiting.
   */
  names?: NamedRequest;
}

/** What happened, for a channel to render; `message` is one sentence that can be shown or spoken. */
export type ApprovalResolution =
  | { status: 'executed'; approval: ApprovalView; outcome: InvokeOutcome; message: string }
  | { status: 'denied' | 'expired' | 'not-allowed' | 'already-resolved'; approval: ApprovalView; message: string }
  | { status: 'needs-target'; approval: ApprovalView; confirmPhrase: string; message: string }
  | { status: 'not-found'; message: string }
  /** "yes" (or "approve all") with several requests waiting and none named: nothing ran; the message lists them. */
  | { status: 'ambiguous'; approvals: ApprovalView[]; message: string };

export async function resolveApproval(
  context: RunnerContext,
  request: ResolveApprovalRequest,
): Promise<ApprovalResolution> {
  const { by } = request;
  const found = findApproval(context, request);
  if ('ambiguous' in found) {
    const views = found.ambiguous.map(toApprovalView);
    auditFor(context, auditKinds.approvalRejected, by, {
      detail: `approve (newest): ${views.length} pending, none named: ${views.map((view) => view.id).join(', ')}`,
      outcome: 'ambiguous',
    });
    return { status: 'ambiguous', approvals: views, message: whichOne(views) };
  }
  if ('otherThan' in found) return namedNothing(context, request, found.otherThan);
  const record = found.record;
  if (!record) {
    auditFor(context, auditKinds.approvalRejected, by, {
      detail: `${request.decision} ${request.approvalId ?? '(newest)'}: nothing pending`,
      outcome: 'not-found',
    });
    return { status: 'not-found', message: 'There is nothing waiting for your approval.' };
  }
  const approval = toApprovalView(record);
  const reject = (outcome: string, detail: string) =>
    auditFor(context, auditKinds.approvalRejected, by, {
      tool: record.tool,
      host: hostOfRecord(record),
      detail: `${record.id}: ${detail}`,
      outcome,
    });
  if (!mayResolve(context, record, by)) {
    reject('not-allowed', `${callerKey(by)} may not resolve ${record.description}`);
    return {
      status: 'not-allowed',
      approval,
      message: 'Only the person who asked, or an approver, can answer that request.',
    };
  }
  if (record.status !== 'pending') return closed(context, record, by);
  const now = context.clock();
  if (record.expiresAt <= now) return expire(context, record, by) ?? closed(context, record, by);
  if (request.decision === 'deny') return deny(context, record, by);
  if (by.modality === 'voice' && !namesTarget(request.spokenText, record.confirmTarget)) {
    reject('needs-target', `spoken confirmation did not name '${record.confirmTarget}'`);
    return {
      status: 'needs-target',
      approval,
      confirmPhrase: record.confirmPhrase,
      message: `To confirm, say: ${record.confirmPhrase}.`,
    };
  }
  return execute(context, record, by);
}

/**
 * The approval meant: by id; else the one whose target the words name; else the only one waiting. An
 * approval with several waiting and none named is ambiguous (a "yes" must never approve the wrong one);
 * a "no" then cancels the newest.
 */
function findApproval(
  context: RunnerContext,
  request: ResolveApprovalRequest,
): { record?: ApprovalRecord } | { ambiguous: ApprovalRecord[] } | { otherThan: ApprovalRecord[] } {
  const { approvals } = context.memory;
  if (request.approvalId) return { record: approvals.get(request.approvalId.trim().toLowerCase()) };
  const now = context.clock();
  const own = approvals.list({ status: 'pending', personId: request.by.personId, limit: 20 });
  const offered = answersForOthers(context, request.by)
    ? approvals.list({ status: 'pending', limit: 50 }).filter(isSystem)
    : [];
  const candidates = [...own, ...offered];
  if (request.names && request.decision === 'approve') {
    const fits = candidates.filter((record) => isNamed(record, request.names!));
    if (fits.length === 0) return { otherThan: candidates.filter((record) => record.expiresAt > now) };
    const live = fits.filter((record) => record.expiresAt > now);
    if (live.length > 1) return { ambiguous: live };
    return { record: live[0] ?? fits[0] };
  }
  const named = candidates.find((record) => namesTarget(request.spokenText, record.confirmTarget));
  if (named) return { record: named };
  const live = candidates.filter((record) => record.expiresAt > now);
  if (request.decision === 'approve' && live.length > 1) return { ambiguous: live };
  return { record: live[0] ?? candidates[0] };
}

/** Whether a request is for what a targeted confirmation names: the same target, and the same verb when one was said. */
function isNamed(record: ApprovalRecord, names: NamedRequest): boolean {
  if (!namesTarget(names.target, record.confirmTarget)) return false;
  const verb = record.description.trim().split(/\s+/)[0]?.toLowerCase();
  return names.action === undefined || verb === names.action;
}

/** "yes, restart jellyfin" with only plex waiting: nothing runs, and the answer says what is waiting. */
function namedNothing(
  context: RunnerContext,
  request: ResolveApprovalRequest,
  waiting: ApprovalRecord[],
): ApprovalResolution {
  const names = request.names!;
  const asked = `${names.action ?? 'act on'} ${names.target}`;
  auditFor(context, auditKinds.approvalRejected, request.by, {
    detail: `approve ${asked}: no pending request for it (${waiting.length} other pending)`,
    outcome: 'not-found',
  });
  const views = waiting.map(toApprovalView);
  const first = views[0];
  const others = first
    ? ` Waiting: ${views.map((view) => view.description).join('; ')}. To approve that, say: ${first.confirmPhrase}.`
    : '';
  return { status: 'not-found', message: `Nothing is waiting for approval to ${asked}.${others}` };
}

function whichOne(views: ApprovalView[]): string {
  const shown = views.slice(0, 3);
  const more = views.length > shown.length ? `, and ${views.length - shown.length} more` : '';
  return `${views.length} requests are waiting: ${shown.map((view) => view.description).join('; ')}${more}. Say which one, for example: ${shown[0]!.confirmPhrase}.`;
}

/** The host the stored call is about; 'local' for calls stored before hosts existed. */
function hostOfRecord(record: ApprovalRecord): string {
  try {
    return hostOf(JSON.parse(record.inputJson));
  } catch {
    return 'local';
  }
}

/** Marks a stale approval expired; undefined when someone else resolved it first. */
export function expire(context: RunnerContext, record: ApprovalRecord, by?: Caller): ApprovalResolution | undefined {
  if (!context.memory.approvals.transition({ id: record.id, from: 'pending', to: 'expired', at: context.clock() }))
    return undefined;
  const requester: Caller = {
    personId: record.personId,
    channel: record.channel,
    externalId: record.externalId,
    modality: 'text',
  };
  auditFor(context, auditKinds.approvalExpired, by ?? requester, {
    tool: record.tool,
    host: hostOfRecord(record),
    detail: `${record.id}: ${record.description}`,
    outcome: 'expired',
  });
  return expiredResolution(record);
}

function expiredResolution(record: ApprovalRecord): ApprovalResolution {
  return {
    status: 'expired',
    approval: toApprovalView(record),
    message: `The request to ${record.description} has expired; ask again.`,
  };
}

/** The approval is no longer pending (resolved earlier, or by someone else just now): say how it ended. */
function closed(context: RunnerContext, record: ApprovalRecord, by: Caller): ApprovalResolution {
  const current = context.memory.approvals.get(record.id) ?? record;
  auditFor(context, auditKinds.approvalRejected, by, {
    tool: record.tool,
    host: hostOfRecord(record),
    detail: `${record.id}: already ${current.status}`,
    outcome: 'already-resolved',
  });
  if (current.status === 'expired') return expiredResolution(record);
  return {
    status: 'already-resolved',
    approval: toApprovalView(record),
    message: `The request to ${record.description} was already ${current.status}.`,
  };
}

function deny(context: RunnerContext, record: ApprovalRecord, by: Caller): ApprovalResolution {
  if (
    !context.memory.approvals.transition({
      id: record.id,
      from: 'pending',
      to: 'denied',
      at: context.clock(),
      by: callerKey(by),
    })
  ) {
    return closed(context, record, by);
  }
  auditFor(context, auditKinds.approvalDenied, by, {
    tool: record.tool,
    host: hostOfRecord(record),
    detail: `${record.id}: ${record.description}`,
    outcome: 'denied',
  });
  return {
    status: 'denied',
    approval: toApprovalView(record),
    message: `Cancelled: I will not ${record.description}.`,
  };
}

/** Claims the approval (pending -> executed, atomically) before running, so it can run only once. */
async function execute(context: RunnerContext, record: ApprovalRecord, by: Caller): Promise<ApprovalResolution> {
  if (
    !context.memory.approvals.transition({
      id: record.id,
      from: 'pending',
      to: 'executed',
      at: context.clock(),
      by: callerKey(by),
    })
  ) {
    return closed(context, record, by);
  }
  auditFor(context, auditKinds.approvalApproved, by, {
    tool: record.tool,
    host: hostOfRecord(record),
    detail: `${record.id}: ${record.description}`,
    outcome: 'approved',
  });
  const outcome = await runStoredCall(context, record);
  const detail = `${record.description} (approval ${record.id})${outcome.status === 'ok' ? '' : `: ${'message' in outcome ? outcome.message : outcome.status}`}`;
  auditFor(context, auditKinds.toolCall, by, {
    tool: record.tool,
    host: hostOfRecord(record),
    detail,
    outcome: outcome.status,
  });
  const message =
    outcome.status === 'ok'
      ? `Done: ${record.description}.`
      : 'message' in outcome
        ? outcome.message
        : `I could not ${record.description}.`;
  return { status: 'executed', approval: toApprovalView(record), outcome, message };
}

/** Runs exactly the stored tool and arguments; refuses if they were altered, the tool is now blocked or gone, or its host is gone. */
async function runStoredCall(context: RunnerContext, record: ApprovalRecord): Promise<InvokeOutcome> {
  const tool = context.registry.get(record.tool);
  if (!tool || context.registry.riskOf(record.tool) === 'blocked') {
    return { status: 'refused', tool: record.tool, message: `${record.tool} is no longer allowed on this server.` };
  }
  const stored: unknown = JSON.parse(record.inputJson);
  const parsed = tool.input.safeParse(stored);
  if (hashArguments(stored) !== record.inputHash || !parsed.success) {
    return {
      status: 'refused',
      tool: record.tool,
      message: `The stored arguments for ${record.tool} do not match what was approved.`,
    };
  }
  const host = context.hosts.lookup(hostOf(parsed.data));
  if (!host.ok) return { status: 'refused', tool: record.tool, message: host.message };
  return runAllowedTool(context, tool, parsed.data);
}
