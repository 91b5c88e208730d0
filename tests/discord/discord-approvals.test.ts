/**
 * Approvals on Discord buttons, on the real core and policy: only the requester or an approver can
 * press, a press runs the action once, an expired request runs nothing, a stranger's press gets nothing,
 * and an action sysvox offers in a notice is approved from the alert channel. The gate test area counts
 * how often the action really ran.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentMessage } from '../fakes/fake-discord.js';
import { buttonPress, ids, mentionMessage, slashCommand } from '../fakes/discord-wire.js';
import {
  alertChannel,
  approverUser,
  createDiscordApp,
  otherUser,
  strangerUser,
  type DiscordApp,
} from './helpers/discord-app.js';

let discord: DiscordApp;
beforeAll(async () => {
  discord = await createDiscordApp();
  await discord.app.start();
  await discord.app.channelsTried();
}, 60_000);
afterAll(async () => discord?.close());

const withButtons = (channelId: string) =>
  [...discord.fake.messages.values()].filter(
    (message) => message.channel_id === channelId && message.components.length > 0,
  );
const buttonIds = (message: SentMessage | undefined) =>
  ((message?.components ?? []) as { components: { custom_id: string }[] }[]).flatMap((row) =>
    row.components.map((button) => button.custom_id),
  );

/** Mason asks to open the gate; resolves with the message that carries the buttons. */
async function askToOpen(): Promise<SentMessage> {
  const before = withButtons(ids.text).length;
  discord.fake.dispatch('MESSAGE_CREATE', mentionMessage({ userId: ids.mason, text: 'open the gate' }));
  await discord.fake.waitFor(() => withButtons(ids.text).length > before);
  // As the person saw it: a second press comes from a screen that still shows the buttons.
  return structuredClone(withButtons(ids.text).at(-1)!);
}

/** Presses a button and waits for the answer Discord would show (an edit or a follow-up only they see). */
async function press(userId: string, message: SentMessage, decision: 'y' | 'n') {
  const customId = buttonIds(message).find((id) => id.endsWith(`:${decision}`)) ?? '';
  const interaction = buttonPress({ userId, customId, message });
  discord.fake.dispatch('INTERACTION_CREATE', interaction);
  const token = String(interaction.token);
  await discord.fake.waitFor(() =>
    discord.fake.calls.some((call) => call.path.includes(`/webhooks/${ids.application}/${token}`)),
  );
  const answer = discord.fake.calls.find((call) => call.path.includes(`/webhooks/${ids.application}/${token}`));
  const callback = discord.fake.calls.find((call) => call.path.includes(`/${token}/callback`));
  return {
    callback: callback?.body,
    answer: answer?.body as { content: string; flags?: number; components?: unknown[] },
    method: answer?.method,
  };
}

describe('Discord approval buttons on the real policy', () => {
  it('offers Approve/Deny; another allowed person cannot approve; the requester can, once', async () => {
    const offer = await askToOpen();
    expect(offer.content).toMatch(/^Approval needed: open the garden gate\nThis request expires in 1 minute\.$/);
    expect(buttonIds(offer)).toHaveLength(2);

    const refused = await press(otherUser, offer, 'y');
    expect(refused.callback).toEqual({ type: 6 });
    expect(refused.answer).toMatchObject({ content: "You can't approve this.", flags: 64 });
    expect(discord.gate.opened()).toBe(0);

    const approved = await press(ids.mason, offer, 'y');
    expect(approved.method).toBe('PATCH');
    expect(approved.answer.content).toMatch(/^Approval needed: open the garden gate\n.*\n\n.+/s);
    expect(approved.answer.components).toEqual([]);
    expect(discord.gate.opened()).toBe(1);

    const again = await press(ids.mason, offer, 'y');
    expect(again.answer).toMatchObject({ content: 'Already handled.', flags: 64 });
    expect(discord.gate.opened()).toBe(1);
  });

  it("lets an approver who is not allow-listed to talk deny someone else's request", async () => {
    const offer = await askToOpen();
    const denied = await press(approverUser, offer, 'n');
    expect(denied.method).toBe('PATCH');
    expect(denied.answer.content.split('\n\n').at(-1)).toMatch(/cancel|not|denied/i);
    expect(discord.gate.opened()).toBe(1);
    const late = await press(ids.mason, offer, 'y');
    expect(late.answer).toMatchObject({ content: 'Already handled.', flags: 64 });
    expect(discord.gate.opened()).toBe(1);
  });

  it("gives a stranger's press nothing at all, and audits it", async () => {
    const offer = await askToOpen();
    const interaction = buttonPress({ userId: strangerUser, customId: buttonIds(offer)[0]!, message: offer });
    discord.fake.dispatch('INTERACTION_CREATE', interaction);
    await discord.fake.waitFor(() =>
      discord.app.auditEntries(500).some((row) => row.kind === 'discord-stranger' && row.detail.includes(strangerUser)),
    );
    expect(discord.fake.calls.filter((call) => call.path.includes(String(interaction.token)))).toEqual([]);
    expect(discord.app.listApprovals({ all: false }).length).toBeGreaterThan(0);
  });

  it('lists what waits for the person with /approvals, each with its buttons', async () => {
    const command = slashCommand({ userId: ids.mason, name: 'approvals' });
    discord.fake.dispatch('INTERACTION_CREATE', command);
    const pending = discord.app.listApprovals({ all: false }).filter((row) => row.status === 'pending');
    await discord.fake.waitFor(
      () =>
        discord.fake.calls.filter((call) => call.path.includes(`/${String(command.token)}`)).length >=
        pending.length + 1,
    );
    const shown = discord.fake.calls
      .filter((call) => call.path.includes(`/webhooks/${ids.application}/${String(command.token)}`))
      .map(
        (call) =>
          (call.body as { components: { components: { custom_id: string }[] }[] }).components[0]?.components[0]
            ?.custom_id,
      );
    expect(shown.sort()).toEqual(pending.map((row) => `ap:${row.id}:y`).sort());
  });

  it('runs nothing when the request has expired', async () => {
    const offer = await askToOpen();
    await new Promise((resolve) => setTimeout(resolve, 10_500)); // policy.approvalTtlSeconds is 10 here
    const pressed = await press(ids.mason, offer, 'y');
    expect(pressed.answer.content.split('\n\n').at(-1)).toMatch(/expired/i);
    expect(discord.gate.opened()).toBe(1);
  }, 30_000);

  it('the linked Telegram identity is the same person: it may approve what was asked on Discord', async () => {
    const offer = await askToOpen();
    const id = buttonIds(offer)[0]!.split(':')[1]!;
    const resolution = await discord.app.core.resolveApproval({
      approvalId: id,
      decision: 'approve',
      person: { channel: 'telegram', externalId: '111' },
      channel: 'telegram',
    });
    expect(resolution.status).toBe('executed');
    expect(discord.gate.opened()).toBe(2);
  });

  it('puts buttons under an action sysvox offers in a notice; an approver approves it in the alert channel', async () => {
    const outcome = await discord.app.core.requestAction({ tool: 'gate_open', input: {}, reason: 'the test asks' });
    if (outcome.status !== 'approval-required') throw new Error(`expected an approval, got ${outcome.status}`);
    await discord.app.notify({
      key: 'offer:gate',
      severity: 'warning',
      text: 'The gate is closed.',
      actions: [outcome.approval],
    });
    const offer = structuredClone(withButtons(alertChannel).at(-1)!);
    expect(offer.content).toMatch(/^The gate is closed\.\n\nApproval needed: open the garden gate/);
    const byRequesterOfNothing = await press(ids.mason, offer, 'y');
    expect(byRequesterOfNothing.answer).toMatchObject({ content: "You can't approve this.", flags: 64 });
    const approved = await press(approverUser, offer, 'y');
    expect(approved.method).toBe('PATCH');
    expect(discord.gate.opened()).toBe(3);
  });
});
