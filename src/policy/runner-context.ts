import type { Logger } from '../log.js';
import type { AuditEntry } from '../memory/audit.js';
import type { Memory } from '../memory/memory.js';
import type { HostDirectory } from '../toolkit/hosts.js';
import type { ToolRegistry } from '../toolkit/registry.js';
import type { ToolContext } from '../toolkit/tool.js';
import type { AuditKind } from './audit-kinds.js';
import type { Caller } from './outcome.js';

/** What the pieces of the tool runner share; built once by createToolRunner. */
export interface RunnerContext {
  registry: ToolRegistry;
  memory: Pick<Memory, 'approvals' | 'audit'>;
  clock: () => Date;
  log: Logger;
  outputBudgetChars: number;
  approvalTtlSeconds: number;
  /** "telegram:123" */
  approvers: ReadonlySet<string>;
  toolTimeoutMs: number;
  /** Every call's host is looked up here before anything runs; unknown hosts are refused. */
  hosts: HostDirectory;
  /** The host comes from each call's input, the signal from each call. */
  toolContext: Partial<Omit<ToolContext, 'signal' | 'host'>>;
}

export function callerKey(caller: Pick<Caller, 'channel' | 'externalId'>): string {
  return `${caller.channel}:${caller.externalId}`;
}

/** Writes one audit row about a caller; never throws (an audit failure is logged, not fatal to the turn). */
export function auditFor(
  context: RunnerContext,
  kind: AuditKind,
  caller: Caller | undefined,
  entry: Omit<AuditEntry, 'kind' | 'personId' | 'channel'>,
): void {
  try {
    context.memory.audit.record({ kind, personId: caller?.personId, channel: caller?.channel, ...entry });
  } catch (error) {
    context.log.error('audit write failed', { kind, error });
  }
}
