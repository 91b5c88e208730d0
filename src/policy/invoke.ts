import type { z } from 'zod';
import type { ApprovalView } from '../types.js';
import { hostOf } from '../toolkit/host-input.js';
import { neutraliseControls } from '../toolkit/terminal-safe.js';
import type { AnyTool } from '../toolkit/tool.js';
import { toApprovalView, confirmWording } from './approval-view.js';
import { auditKinds } from './audit-kinds.js';
import { canonicalJson, hashArguments, newApprovalId } from './call-identity.js';
import type { InvokeOutcome, InvokeRequest } from './outcome.js';
import { failureSentence, runAllowedTool, withinLimits } from './run-tool.js';
import { auditFor, type RunnerContext } from './runner-context.js';

/**
 * Policy for one tool call, whatever the model said: unknown/blocked/invalid refused, a host that is not
 * connected refused, safe runs, confirm asks.
 */
export async function invokeTool(context: RunnerContext, request: InvokeRequest): Promise<InvokeOutcome> {
  const tool = context.registry.get(request.tool);
  if (!tool) {
    const message = /^[A-Za-z0-9_.-]{1,64}$/.test(request.tool)
      ? `There is no tool named ${request.tool}.`
      : 'There is no tool by that name.';
    return refuse(context, request, { message, detail: `unknown tool ${shown(request.tool, 100)}` });
  }
  const risk = context.registry.riskOf(tool.name);
  if (risk === 'blocked')
    return refuse(context, request, {
      message: `${tool.name} is blocked by policy on this server and never runs.`,
      detail: 'blocked tool',
    });
  const parsed = tool.input.safeParse(request.input ?? {});
  if (!parsed.success) {
    return refuse(context, request, {
      message: `The arguments for ${tool.name} are invalid: ${describeIssues(parsed.error)}.`,
      detail: `invalid arguments: ${shown(canonicalJson(request.input), 500)}`,
    });
  }
  const host = context.hosts.lookup(hostOf(parsed.data));
  if (!host.ok) {
    return refuse(context, request, {
      message: host.message,
      detail: `${tool.describeCall(parsed.data)}: host not connected`,
      host: hostOf(parsed.data),
    });
  }
  // Canonical host name ("localhost", this machine's name -> 'local'), so the approval binds to it.
  const located: unknown = { ...(parsed.data as object), host: host.host };
  const resolved = await resolveInput(context, tool, located, request.signal);
  if ('message' in resolved) {
    auditFor(context, auditKinds.toolCall, request.caller, {
      tool: tool.name,
      host: host.host,
      detail: resolved.message,
      outcome: 'error',
    });
    return { status: 'error', tool: tool.name, message: resolved.message };
  }
  if (risk === 'confirm') return requestApproval(context, request, tool, resolved.input);
  const outcome = await runAllowedTool(context, tool, resolved.input, request.signal);
  const detail = `${tool.describeCall(resolved.input)} (${sourceNote(request)})${outcome.status === 'error' ? `: ${outcome.message}` : ''}`;
  auditFor(context, auditKinds.toolCall, request.caller, {
    tool: tool.name,
    host: host.host,
    detail,
    outcome: outcome.status,
  });
  return outcome;
}

/** A call that was asked for but not run (a call before it in the same message waits for approval): audited. */
export function recordDropped(context: RunnerContext, request: InvokeRequest, reason: string): void {
  const tool = context.registry.get(request.tool);
  const parsed = tool?.input.safeParse(request.input ?? {});
  const description =
    tool && parsed?.success
      ? tool.describeCall(parsed.data)
      : `${shown(request.tool, 100)} ${shown(canonicalJson(request.input), 500)}`;
  const host = parsed?.success ? hostOf(parsed.data) : undefined;
  auditFor(context, auditKinds.toolDropped, request.caller, {
    tool: shown(request.tool, 100),
    host,
    detail: `${description}: not run, ${reason} (${sourceNote(request)})`,
    outcome: 'dropped',
  });
}

/** Text a model chose (a tool name, its arguments), fit for an audit line: controls neutralised, cut to `max`. */
function shown(text: string, max: number): string {
  const safe = neutraliseControls(text);
  return safe.length > max ? `${safe.slice(0, max)}... (${safe.length} characters)` : safe;
}

/** "router", "brain", or "system: plex has been unhealthy for 5 minutes". */
function sourceNote(request: InvokeRequest): string {
  return request.reason ? `${request.source}: ${request.reason}` : request.source;
}

function refuse(
  context: RunnerContext,
  request: InvokeRequest,
  refusal: { message: string; detail: string; host?: string },
): InvokeOutcome {
  auditFor(context, auditKinds.toolRefused, request.caller, {
    tool: shown(request.tool, 100),
    host: refusal.host,
    detail: `${refusal.detail} (${sourceNote(request)})`,
    outcome: 'refused',
  });
  return { status: 'refused', tool: request.tool, message: refusal.message };
}

/** "text: expected string, received undefined; limit: too big" */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

/** A tool's resolve step runs under the same timeout, signal and failure wording as its execute. */
async function resolveInput(
  context: RunnerContext,
  tool: AnyTool,
  input: unknown,
  signal?: AbortSignal,
): Promise<{ input: unknown } | { message: string }> {
  if (!tool.resolve) return { input };
  const resolve = tool.resolve.bind(tool);
  try {
    return {
      input: await withinLimits(context, { tool, input, signal }, (toolContext) => resolve(input, toolContext)),
    };
  } catch (error) {
    return { message: failureSentence(context, tool, error) };
  }
}

function requestApproval(context: RunnerContext, request: InvokeRequest, tool: AnyTool, input: unknown): InvokeOutcome {
  const inputHash = hashArguments(input);
  const now = context.clock();
  const same = context.memory.approvals
    .list({ status: 'pending', personId: request.caller.personId, limit: 50 })
    .find(
      (record) =>
        record.tool === tool.name &&
        record.inputHash === inputHash &&
        record.channel === request.caller.channel &&
        record.expiresAt > now,
    );
  if (same) return { status: 'approval-required', tool: tool.name, approval: toApprovalView(same) };
  const wording = confirmWording(tool, input);
  const record = context.memory.approvals.insert({
    id: newApprovalId(),
    personId: request.caller.personId,
    channel: request.caller.channel,
    externalId: request.caller.externalId,
    tool: tool.name,
    inputJson: canonicalJson(input),
    inputHash,
    description: tool.describeCall(input),
    confirmTarget: wording.target,
    confirmPhrase: wording.phrase,
    createdAt: now,
    expiresAt: new Date(now.getTime() + context.approvalTtlSeconds * 1000),
  });
  const approval: ApprovalView = toApprovalView(record);
  auditFor(context, auditKinds.approvalCreated, request.caller, {
    tool: tool.name,
    host: hostOf(input),
    detail: `${record.id}: ${record.description} (${sourceNote(request)})`,
    outcome: 'pending',
  });
  return { status: 'approval-required', tool: tool.name, approval };
}
