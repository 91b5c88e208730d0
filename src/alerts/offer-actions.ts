/**
 * The remediations offered with a firing notice ("Shall I restart it?"). An alert whose rule suggests an
 * action gets an approval from the system caller (offerAction, wired to core.requestAction), unless the
 * one offered before may still be answered, which is offered again as it is. The action comes from the
 * check's code, never from text a check read.
 */
import type { AlertEngineStore, AlertRecord } from '../memory/alerts.js';
import type { ApprovalRecord } from '../memory/approvals.js';
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { ApprovalView } from '../types.js';

export type OfferAction = (alert: AlertRecord) => Promise<ApprovalView | null>;

function stillOpen(approval: ApprovalRecord | undefined, now: Date): ApprovalView | undefined {
  if (approval?.status !== 'pending' || approval.expiresAt.getTime() <= now.getTime()) return undefined;
  const { id, tool, description, expiresAt, confirmPhrase } = approval;
  return { id, tool, description, expiresAt, confirmPhrase };
}

export async function offerActions(
  alerts: readonly AlertRecord[],
  options: {
    store: AlertEngineStore;
    approvals: { get(id: string): ApprovalRecord | undefined };
    offerAction: OfferAction | undefined;
    now: Date;
    log: Logger;
  },
): Promise<ApprovalView[]> {
  const { store, approvals, offerAction, now, log } = options;
  const views: ApprovalView[] = [];
  for (const alert of alerts) {
    if (alert.state !== 'firing' || alert.action === null) continue;
    const open = alert.approvalId === null ? undefined : stillOpen(approvals.get(alert.approvalId), now);
    if (open) {
      views.push(open);
      continue;
    }
    if (!offerAction) continue;
    try {
      const view = await offerAction(alert);
      if (!view) continue;
      views.push(view);
      store.transaction(() => {
        const current = store.byFingerprint(alert.fingerprint);
        if (current) store.save({ ...current, approvalId: view.id });
      });
    } catch (error) {
      log.warn('could not offer the action an alert suggests', { alert: alert.id, error: describeError(error) });
    }
  }
  return views;
}
