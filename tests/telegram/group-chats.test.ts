import { afterEach, describe, expect, it } from 'vitest';
import { botSender } from '../fakes/fake-telegram.js';
import { allowedUser, startHarness, type Harness, keepRunning } from './helpers/channel-harness.js';
import { createScriptedCore, done } from './helpers/scripted-core.js';
import { groupTextUpdate, textUpdate } from './helpers/telegram-updates.js';

const listedGroup = -1001234567890;
const otherGroup = -1009876543210;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function startWith(telegram: Record<string, unknown> = {}) {
  const core = createScriptedCore((turn) => [done(`answer to ${turn.text}`)]);
  harness = await startHarness({ core, telegram });
  await harness.channel.start(keepRunning);
  return { core, harness };
}

describe('Telegram group chats', () => {
  it('gives a group that is not on allowedChatIds nothing, even from an allowed person, and audits it once', async () => {
    const { core, harness } = await startWith();
    harness.fake.enqueueUpdate(groupTextUpdate(allowedUser, otherGroup, 'what is the disk usage'));
    harness.fake.enqueueUpdate(groupTextUpdate(allowedUser, otherGroup, '/status'));
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'status'));
    await harness.fake.waitFor(() => harness.sentTexts(allowedUser).length === 1);

    expect(harness.fake.calls.filter((call) => call.params.chat_id === otherGroup)).toEqual([]);
    expect(core.turns.map((turn) => turn.conversation)).toEqual([String(allowedUser)]);
    expect(harness.audits).toEqual([
      expect.objectContaining({
        kind: 'telegram-chat-not-allowed',
        detail: expect.objectContaining({ chatId: otherGroup, userId: allowedUser }),
      }),
    ]);
    expect(harness.logLines.filter((line) => line.includes('allowedChatIds'))).toHaveLength(1);
  });

  it('answers an allowed person in a group listed in allowedChatIds', async () => {
    const { harness } = await startWith({ allowedChatIds: [listedGroup] });
    harness.fake.enqueueUpdate(groupTextUpdate(allowedUser, listedGroup, 'status'));
    await harness.fake.waitFor(() => harness.sentTexts(listedGroup).length === 1);
    expect(harness.sentTexts(listedGroup)).toEqual(['answer to status']);
  });

  it('ignores /status@other_bot and answers /status addressed to our own username', async () => {
    const { harness } = await startWith({ allowedChatIds: [listedGroup] });
    harness.fake.enqueueUpdate(groupTextUpdate(allowedUser, listedGroup, '/status@other_bot'));
    harness.fake.enqueueUpdate(groupTextUpdate(allowedUser, listedGroup, '/help@other_bot'));
    harness.fake.enqueueUpdate(groupTextUpdate(allowedUser, listedGroup, `/status@${botSender.username}`));
    await harness.fake.waitFor(() => harness.sentTexts(listedGroup).length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(harness.sentTexts(listedGroup)).toEqual(['answer to status']);
  });
});
