import type { ApprovalView } from '../types.js';
import { silentLogger, type Logger } from '../log.js';
import type { ApprovalFilter, ApprovalRecord } from '../memory/approvals.js';
import type { Memory } from '../memory/memory.js';
import { createLocalHosts, type HostDirectory } from '../toolkit/hosts.js';
import type { ToolRegistry } from '../toolkit/registry.js';
import type { ToolContext } from '../toolkit/tool.js';
import {
  expire,
  resolveApproval,
  type ApprovalResolution,
  type ResolveApprovalRequest,
} from './approval-resolution.js';
import { toApprovalView } from './approval-view.js';
import { invokeTool, recordDropped } from './invoke.js';
import type { InvokeOutcome, InvokeRequest, ToolInvoker } from './outcome.js';
import type { RunnerContext } from './runner-context.js';

export interface ToolRunnerOptions {
  registry: ToolRegistry;
  memory: Pick<Memory, 'approvals' | 'audit'>;
  clock?: () => Date;
  log?: Logger;
  /** config tools.outputBudgetChars */
  outputBudgetChars: number;
  /** config policy.approvalTtlSeconds */
  approvalTtlSeconds: number;
  /** config policy.approvers: "telegram:123" may approve anyone's request. */
  approvers: string[];
  /** Per-call limit before a tool is aborted; default 30 s. */
  toolTimeoutMs?: number;
  /** Defaults for every tool's context (log, clock); host and signal are per call. */
  toolContext?: Partial<Omit<ToolContext, 'signal' | 'host'>>;
  /** The hosts a call may name; default: this machine only (the SSH hosts registry replaces it). */
  hosts?: HostDirectory;
}

/** The only way anything runs a tool: policy enforced in code, after the model, whatever it said. */
export interface ToolRunner extends ToolInvoker {
  invoke(request: InvokeRequest): Promise<InvokeOutcome>;
  resolveApproval(request: ResolveApprovalRequest): Promise<ApprovalResolution>;
  /** Audits a call that was asked for and deliberately not run, with the reason. */
  drop(request: InvokeRequest, reason: string): void;
  /** Pending, unexpired approvals, newest first: one person's, or everyone's without an id (approvers). */
  pending(personId?: number): ApprovalView[];
  /** For `sysvox approvals`: stored approvals, newest first. */
  listApprovals(filter?: ApprovalFilter): ApprovalRecord[];
  /** Marks every pending approval past its expiry as expired (audited); returns how many. */
  expireStale(): number;
}

export function createToolRunner(options: ToolRunnerOptions): ToolRunner {
  const context: RunnerContext = {
    registry: options.registry,
    memory: options.memory,
    clock: options.clock ?? (() => new Date()),
    // Every module narrows the logger it is given to its own scope, once.
    log: (options.log ?? silentLogger).child('policy'),
    outputBudgetChars: options.outputBudgetChars,
    approvalTtlSeconds: options.approvalTtlSeconds,
    approvers: new Set(options.approvers),
    toolTimeoutMs: options.toolTimeoutMs ?? 30_000,
    hosts: options.hosts ?? createLocalHosts(),
    toolContext: options.toolContext ?? {},
  };
  return {
    invoke: (request) => invokeTool(context, request),
    resolveApproval: (request) => resolveApproval(context, request),
    drop: (request, reason) => recordDropped(context, request, reason),
    pending(personId) {
      const now = context.clock();
      return context.memory.approvals
        .list({ status: 'pending', personId })
        .filter((record) => record.expiresAt > now)
        .map(toApprovalView);
    },
    listApprovals: (filter) => context.memory.approvals.list(filter),
    expireStale() {
      return context.memory.approvals.stale(context.clock()).filter((record) => expire(context, record) !== undefined)
        .length;
    },
  };
}
