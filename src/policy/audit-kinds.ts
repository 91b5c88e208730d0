/** The `kind` column of every audit row the policy writes. `sysvox audit` prints these. */
export const auditKinds = {
  /** A tool ran (outcome 'ok' or 'error'). */
  toolCall: 'tool-call',
  /** Unknown tool, blocked tool, invalid arguments (outcome 'refused'). */
  toolRefused: 'tool-refused',
  /** A call the model asked for that was not run because an earlier call in the same message needs approval. */
  toolDropped: 'tool-dropped',
  /** A confirm-tier call became a pending approval (outcome 'pending'). */
  approvalCreated: 'approval-created',
  /** Approved; the stored call runs next (outcome 'approved'). */
  approvalApproved: 'approval-approved',
  approvalDenied: 'approval-denied',
  approvalExpired: 'approval-expired',
  /**
   * An attempt to resolve an approval that did nothing; outcome says why:
   * 'not-allowed', 'not-found', 'already-resolved', 'needs-target'.
   */
  approvalRejected: 'approval-rejected',
  /** A brain turn refused by the per-person rate limit (written by the core). */
  rateLimited: 'rate-limited',
} as const;

export type AuditKind = (typeof auditKinds)[keyof typeof auditKinds];
