import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../src/core/channel.js';
import { shownText } from '../fakes/fake-telegram.js';
import { allowedUser, keepRunning, startHarness, type Harness } from './helpers/channel-harness.js';
import { createScriptedCore } from './helpers/scripted-core.js';
import { callbackUpdate, textUpdate } from './helpers/telegram-updates.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const otherChat = 3333;
const mutedChat = 4444;

const plexDown: Notice = {
  key: 'alert:container:plex',
  severity: 'critical',
  text: 'plex has been unhealthy for 5 minutes.',
  actions: [
    {
      id: 'n1',
      tool: 'docker_restart',
      description: "restart container 'plex'",
      expiresAt: new Date(Date.now() + 600_000),
      confirmPhrase: 'yes, restart plex',
    },
  ],
};

describe('Telegram notices', () => {
  it('sends a notice with actions to every push chat but a muted one, with Approve/Deny under the text', async () => {
    harness = await startHarness({
      core: createScriptedCore(() => []),
      telegram: { pushChatIds: [allowedUser, otherChat, mutedChat], allowedUserIds: [allowedUser, mutedChat] },
    });
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(mutedChat, '/mute'));
    await harness.fake.waitFor(() => harness!.sentTexts(mutedChat).length >= 1);

    const delivery = await harness.channel.notify(plexDown);

    expect(delivery).toEqual({ status: 'delivered', detail: 'sent to 2 chats; 1 muted' });
    expect(harness.sentTexts(mutedChat)).toEqual(['Alerts are muted in this chat. /unmute turns them back on.']);
    for (const chatId of [allowedUser, otherChat]) {
      const [sent] = harness.sentTexts(chatId);
      expect(sent).toMatch(
        /^plex has been unhealthy for 5 minutes\.\n\nApproval needed: restart container 'plex'\nThis request expires in 10 minutes\.$/,
      );
    }
    const offers = harness.fake
      .callsTo('sendMessage')
      .filter((call) => call.params.chat_id === String(allowedUser) || call.params.chat_id === allowedUser);
    expect(offers.at(-1)?.params.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: 'Approve', callback_data: 'ap:n1:y' },
          { text: 'Deny', callback_data: 'ap:n1:n' },
        ],
      ],
    });
  });

  it('pressing Approve under a notice goes through the approval path and shows the outcome', async () => {
    harness = await startHarness({ core: createScriptedCore(() => []), telegram: { pushChatIds: [allowedUser] } });
    await harness.channel.start(keepRunning);
    await harness.channel.notify(plexDown);
    const offer = harness.fake.callsTo('sendMessage')[0]!;
    const shown = { messageId: 1, chatId: allowedUser, text: shownText(offer.params) };

    harness.fake.enqueueUpdate(callbackUpdate(allowedUser, 'ap:n1:y', shown));
    await harness.fake.waitFor((calls) => calls.some((call) => call.method === 'answerCallbackQuery'));

    expect(harness.resolverCalls).toEqual([
      {
        approvalId: 'n1',
        decision: 'approve',
        person: { channel: 'telegram', externalId: String(allowedUser) },
        channel: 'telegram',
      },
    ]);
    expect(harness.fake.callsTo('answerCallbackQuery')[0]?.params.text).toBe('Approved.');
    await harness.fake.waitFor((calls) => calls.some((call) => call.method === 'editMessageText'));
    expect(shownText(harness.fake.callsTo('editMessageText')[0]?.params ?? {})).toBe(
      `${shown.text}\n\nDone: restarted plex.`,
    );
  });

  it('a notice without actions is plain text; with no push chats it is skipped and says how to set them', async () => {
    harness = await startHarness({ core: createScriptedCore(() => []), telegram: { pushChatIds: [] } });
    await harness.channel.start(keepRunning);
    expect(await harness.channel.notify({ key: 'k', severity: 'info', text: 'plex recovered.' })).toEqual({
      status: 'skipped',
      detail: 'no push chats configured (channels.telegram.pushChatIds)',
    });
    expect(harness.fake.callsTo('sendMessage')).toHaveLength(0);
  });
});
