/**
 * Remediation offered with a notice ("Shall I restart it?"): the approval comes from offerAction (the app
 * wires it to core.requestAction), is stored on the alert, is offered again while it can still be
 * answered, and a fresh one is asked for once it expired. Failures in offering or delivering never
 * break the engine.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfferAction } from '../../src/alerts/offer-actions.js';
import type { AlertRecord } from '../../src/memory/alerts.js';
import type { ApprovalView } from '../../src/types.js';
import { createHarness, hour, minute, second, unhealthy, type Harness } from './harness.js';

let harness: Harness;
afterEach(() => harness.close());

const timing = { repeatInterval: '1h', maxRepeats: 3, rules: { containerUnhealthy: { for: '0s' } } };

/** Stands in for core.requestAction: a real pending approval in the approvals table, valid for 30 minutes. */
function approvalsLikeThePolicy(): OfferAction & { calls: AlertRecord[] } {
  let count = 0;
  const calls: AlertRecord[] = [];
  const offer = async (alert: AlertRecord): Promise<ApprovalView> => {
    calls.push(alert);
    const container = String(alert.action!.input.container);
    const view = {
      id: `approval${++count}`,
      tool: alert.action!.tool,
      description: `restart container '${container}'`,
      expiresAt: new Date(harness.now().getTime() + 30 * minute),
      confirmPhrase: `yes, restart ${container}`,
    };
    harness.memory.approvals.insert({
      ...view,
      personId: 0,
      channel: 'alert',
      externalId: 'sysvox',
      inputJson: JSON.stringify(alert.action!.input),
      inputHash: 'hash',
      confirmTarget: container,
      createdAt: harness.now(),
    });
    return view;
  };
  return Object.assign(offer, { calls });
}

describe('offered actions', () => {
  it('offers the suggested restart with the first notice and stores the approval on the alert', async () => {
    const offer = approvalsLikeThePolicy();
    harness = createHarness(timing, { offerAction: offer });
    await harness.runFor(minute, 15 * second, () => [unhealthy('nextcloud')]);
    expect(harness.sent).toHaveLength(1);
    expect(harness.sent[0]!.actions).toMatchObject([{ id: 'approval1', confirmPhrase: 'yes, restart nextcloud' }]);
    expect(offer.calls.map((alert) => alert.target)).toEqual(['nextcloud']);
    expect(harness.memory.alerts.list()[0]!.approvalId).toBe('approval1');
  });

  it('offers the same approval again with a reminder while it is pending, and asks for a new one once it expired', async () => {
    const offer = approvalsLikeThePolicy();
    harness = createHarness({ ...timing, repeatInterval: '20m' }, { offerAction: offer });
    await harness.runFor(minute, 15 * second, () => [unhealthy('nextcloud')]);
    await harness.runFor(20 * minute, minute, () => [unhealthy('nextcloud')]);
    expect(harness.sent.map((notice) => [notice.kind, notice.actions.map((view) => view.id)])).toEqual([
      ['firing', ['approval1']],
      ['repeat', ['approval1']],
    ]);
    await harness.runFor(20 * minute, minute, () => [unhealthy('nextcloud')]);
    expect(harness.sent[2]).toMatchObject({ kind: 'repeat', actions: [{ id: 'approval2' }] });
    expect(offer.calls).toHaveLength(2);
  });

  it('offers nothing with a recovery, and nothing for an alert whose check suggests no action', async () => {
    const offerAction = vi.fn(approvalsLikeThePolicy());
    harness = createHarness({ ...timing, keepFiringFor: '0s' }, { offerAction });
    const noAction = { ...unhealthy('plex', 'firing', 'nas'), action: undefined };
    await harness.runFor(minute, 15 * second, () => [noAction]);
    await harness.runFor(10 * minute, minute, () => [{ ...noAction, condition: 'clear' as const }]);
    expect(harness.sent.map((notice) => [notice.kind, notice.actions])).toEqual([
      ['firing', []],
      ['resolved', []],
    ]);
    expect(offerAction).not.toHaveBeenCalled();
  });

  it('still delivers the notice when offering fails, and logs a delivery that fails without sending it twice', async () => {
    const failures = { deliver: 1 };
    harness = createHarness(timing, {
      offerAction: async () => {
        throw new Error('policy is down');
      },
      deliver: () => {
        if (failures.deliver-- > 0) throw new Error('speaker unplugged');
      },
    });
    await harness.report([unhealthy('nextcloud')]);
    harness.advance(30 * second);
    await expect(harness.engine.tick()).resolves.toBeUndefined();
    await harness.runFor(hour - minute, minute, () => [unhealthy('nextcloud'), unhealthy('plex', 'firing', 'nas')]);
    expect(harness.sent.map((notice) => notice.text)).toEqual([
      'Warning: nextcloud is unhealthy.',
      'Warning: plex is unhealthy.',
    ]);
    expect(harness.logs.map((line) => line.message)).toEqual(
      expect.arrayContaining([
        'could not offer the action an alert suggests',
        'an alert notice could not be delivered; it is not sent again',
      ]),
    );
  });

  it('gives up on a delivery that hangs, logs it, and still sends the notices after it', async () => {
    let first = true;
    harness = createHarness(timing, {
      deliverTimeoutMs: 50,
      deliver: () => {
        if (!first) return undefined;
        first = false;
        return new Promise(() => undefined);
      },
    });
    await harness.report([unhealthy('nextcloud')]);
    harness.advance(30 * second);
    await harness.engine.tick();
    await harness.runFor(minute, 15 * second, () => [unhealthy('nextcloud'), unhealthy('plex', 'firing', 'nas')]);
    expect(harness.sent.map((notice) => notice.text)).toEqual([
      'Warning: nextcloud is unhealthy.',
      'Warning: plex is unhealthy.',
    ]);
    expect(harness.logs).toContainEqual(
      expect.objectContaining({
        level: 'error',
        error: 'no answer within 0.05 s',
        key: 'alert:container-unhealthy:local',
      }),
    );
  });
});
