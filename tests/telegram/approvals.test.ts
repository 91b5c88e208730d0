import { afterEach, describe, expect, it } from 'vitest';
import type { ApprovalView } from '../../src/types.js';
import { shownText } from '../fakes/fake-telegram.js';
import { allowedUser, approverUser, startHarness, type Harness, keepRunning } from './helpers/channel-harness.js';
import { createScriptedCore, done } from './helpers/scripted-core.js';
import { callbackUpdate, textUpdate } from './helpers/telegram-updates.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function restartPlex(expiresInMs: number): ApprovalView {
  return {
    id: 'a1b2c3',
    tool: 'docker_restart',
    description: "restart container 'plex'",
    expiresAt: new Date(Date.now() + expiresInMs),
    confirmPhrase: 'yes, restart plex',
  };
}

async function requestApproval(h: Harness): Promise<{ messageId: number; chatId: number; text: string }> {
  h.fake.enqueueUpdate(textUpdate(allowedUser, 'restart plex'));
  await h.fake.waitFor(() => h.sentTexts(allowedUser).length >= 1);
  const offer = h.fake.callsTo('sendMessage')[0];
  const sentId = Number(offer?.params.message_id ?? 1); // the fake numbers messages from 1
  return { messageId: sentId, chatId: allowedUser, text: shownText(offer?.params ?? {}) };
}

const answers = (h: Harness) => h.fake.callsTo('answerCallbackQuery').map((call) => call.params.text);

describe('Telegram approvals on buttons', () => {
  it('offers Approve/Deny; one press resolves and edits the message; a second press changes nothing', async () => {
    const core = createScriptedCore(() => [
      { type: 'approval-request', approval: restartPlex(300_000) },
      done("restart container 'plex' needs approval", 'approval'),
    ]);
    harness = await startHarness({ core });
    await harness.channel.start(keepRunning);
    const offer = await requestApproval(harness);

    expect(offer.text).toContain("Approval needed: restart container 'plex'");
    expect(harness.fake.callsTo('sendMessage')[0]?.params.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: 'Approve', callback_data: 'ap:a1b2c3:y' },
          { text: 'Deny', callback_data: 'ap:a1b2c3:n' },
        ],
      ],
    });
    expect(harness.sentTexts(allowedUser)).toHaveLength(1); // no second "needs approval" text

    harness.fake.enqueueUpdate(callbackUpdate(allowedUser, 'ap:a1b2c3:y', offer));
    harness.fake.enqueueUpdate(callbackUpdate(allowedUser, 'ap:a1b2c3:y', offer));
    await harness.fake.waitFor((calls) => calls.filter((call) => call.method === 'answerCallbackQuery').length >= 2);

    // Both presses reach the policy, which runs the tool once and audits the second press.
    const press = {
      approvalId: 'a1b2c3',
      decision: 'approve',
      person: { channel: 'telegram', externalId: String(allowedUser) },
      channel: 'telegram',
    };
    expect(harness.resolverCalls).toEqual([press, press]);
    expect(answers(harness)).toEqual(['Approved.', 'Already handled.']);
    const edits = harness.fake.callsTo('editMessageText');
    expect(edits).toHaveLength(1);
    expect(shownText(edits[0]?.params ?? {})).toBe(`${offer.text}\n\nDone: restarted plex.`);
  });

  it("asks the policy about every press: a refusal only answers the presser, an approver's Deny edits the message", async () => {
    const core = createScriptedCore(() => [
      { type: 'approval-request', approval: restartPlex(300_000) },
      done('needs approval', 'approval'),
    ]);
    harness = await startHarness({
      core,
      telegram: { allowedUserIds: [allowedUser, 4444] },
      resolve: async ({ person }) =>
        person.externalId === '4444'
          ? { status: 'not-allowed', text: 'Only the person who asked, or an approver, can answer that request.' }
          : { status: 'denied', text: 'Denied: plex was not restarted.' },
    });
    await harness.channel.start(keepRunning);
    const offer = await requestApproval(harness);

    harness.fake.enqueueUpdate(callbackUpdate(4444, 'ap:a1b2c3:y', offer));
    harness.fake.enqueueUpdate(callbackUpdate(approverUser, 'ap:a1b2c3:n', offer));
    await harness.fake.waitFor((calls) => calls.filter((call) => call.method === 'answerCallbackQuery').length >= 2);

    expect(answers(harness)).toEqual(["You can't approve this.", 'Denied.']);
    expect(harness.resolverCalls.map((call) => [call.decision, call.person.externalId])).toEqual([
      ['approve', '4444'],
      ['deny', String(approverUser)],
    ]);
    expect(harness.fake.callsTo('editMessageText').map((call) => shownText(call.params))).toEqual([
      `${offer.text}\n\nDenied: plex was not restarted.`,
    ]);
  });

  it('an approval the policy finds expired says so on the message, and the callback is still answered', async () => {
    const core = createScriptedCore(() => [
      { type: 'approval-request', approval: restartPlex(-1000) },
      done('needs approval', 'approval'),
    ]);
    harness = await startHarness({
      core,
      resolve: async () => ({
        status: 'expired',
        text: "The request to restart container 'plex' has expired; ask again.",
      }),
    });
    await harness.channel.start(keepRunning);
    const offer = await requestApproval(harness);
    harness.fake.enqueueUpdate(callbackUpdate(allowedUser, 'ap:a1b2c3:y', offer));
    await harness.fake.waitFor((calls) => calls.some((call) => call.method === 'answerCallbackQuery'));

    expect(answers(harness)).toEqual(['This approval has expired.']);
    expect(shownText(harness.fake.callsTo('editMessageText')[0]?.params ?? {})).toBe(
      `${offer.text}\n\nThe request to restart container 'plex' has expired; ask again.`,
    );
  });

  it('/approvals lists what is pending as buttons, or says nothing is waiting', async () => {
    harness = await startHarness({ core: createScriptedCore(() => []) });
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(allowedUser, '/approvals'));
    await harness.fake.waitFor(() => harness!.sentTexts(allowedUser).length >= 1);
    expect(harness.sentTexts(allowedUser)).toEqual(['Nothing is waiting for your approval.']);
  });

  it('/approvals offers each pending approval with buttons that work', async () => {
    const asked: string[] = [];
    harness = await startHarness({
      core: createScriptedCore(() => []),
      pendingFor: (externalId) => (asked.push(externalId), [restartPlex(300_000)]),
    });
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(allowedUser, '/approvals'));
    await harness.fake.waitFor(() => harness!.sentTexts(allowedUser).length >= 1);
    const offer = harness.fake.callsTo('sendMessage')[0];
    expect(asked).toEqual([String(allowedUser)]);
    expect(shownText(offer?.params ?? {})).toContain("restart container 'plex'");

    harness.fake.enqueueUpdate(
      callbackUpdate(allowedUser, 'ap:a1b2c3:y', {
        messageId: 1,
        chatId: allowedUser,
        text: shownText(offer?.params ?? {}),
      }),
    );
    await harness.fake.waitFor((calls) => calls.some((call) => call.method === 'answerCallbackQuery'));
    expect(harness.resolverCalls.map((call) => call.approvalId)).toEqual(['a1b2c3']);
  });

  it('answers the press at once while a slow action runs, then shows the outcome on the message', async () => {
    const core = createScriptedCore(() => [
      { type: 'approval-request', approval: restartPlex(300_000) },
      done('needs approval', 'approval'),
    ]);
    let finishRestart = () => {};
    harness = await startHarness({
      core,
      resolve: async () => {
        await new Promise<void>((resolve) => (finishRestart = resolve));
        return { status: 'executed', text: 'Done: restarted plex.' };
      },
    });
    await harness.channel.start(keepRunning);
    const offer = await requestApproval(harness);
    const pressedAt = Date.now();
    harness.fake.enqueueUpdate(callbackUpdate(allowedUser, 'ap:a1b2c3:y', offer));
    await harness.fake.waitFor((calls) => calls.some((call) => call.method === 'answerCallbackQuery'), 3000);

    expect(Date.now() - pressedAt).toBeLessThan(1500);
    expect(answers(harness)).toEqual(['Working on it.']);
    expect(harness.fake.callsTo('editMessageText')).toEqual([]); // the restart is still running
    finishRestart();
    await harness.fake.waitFor((calls) => calls.some((call) => call.method === 'editMessageText'));
    expect(shownText(harness.fake.callsTo('editMessageText')[0]?.params ?? {})).toBe(
      `${offer.text}\n\nDone: restarted plex.`,
    );
    expect(answers(harness)).toEqual(['Working on it.']);
  });
});
