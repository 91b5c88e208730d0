/**
 * app.notify on the real app: the channels started by app.start(), the fake Bot API, the real policy,
 * SQLite and Docker engine. An offered restart arrives on Telegram with buttons, and Approve runs it
 * through the same approval path as a request made in a chat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownText } from '../fakes/fake-telegram.js';
import { describeDocker, waitFor } from '../helpers/docker-engine.js';
import { callbackUpdate } from '../telegram/helpers/telegram-updates.js';
import { containerStartedAt, createOwnedContainer, removeContainer } from '../cli/cli-harness.js';
import { allowedUser, buttonData, createTelegramApp, otherUser, type TelegramApp } from './telegram-app.js';

let telegram: TelegramApp;
beforeAll(async () => {
  telegram = await createTelegramApp({ pushChatIds: [allowedUser, otherUser] });
  await telegram.app.start();
  const channel = telegram.app.channels.find((candidate) => candidate.name === 'telegram');
  await waitFor(
    async () => (channel?.health().status === 'running' ? true : undefined),
    15_000,
    'the Telegram channel to run',
  );
}, 60_000);
afterAll(async () => telegram?.close());

describe('app.notify', () => {
  it('reaches every push chat on Telegram; the microphone, with no capture device here, says why it skipped', async () => {
    const deliveries = await telegram.app.notify({
      key: 'alert:disk:/',
      severity: 'warning',
      text: 'Disk / is 95% full.',
    });
    expect(deliveries.find((delivery) => delivery.channel === 'telegram')).toEqual({
      channel: 'telegram',
      status: 'delivered',
      detail: 'sent to 2 chats',
    });
    expect(telegram.sentTexts(allowedUser)).toContain('Disk / is 95% full.');
    expect(telegram.sentTexts(otherUser)).toContain('Disk / is 95% full.');
    const microphone = telegram.app.channels.find((channel) => channel.name === 'voice')!;
    const voice = deliveries.find((delivery) => delivery.channel === 'voice');
    expect(voice?.status).toBe(microphone.health().status === 'running' ? 'delivered' : 'skipped');
    if (voice?.status === 'skipped') expect(voice.detail).toContain(microphone.health().detail);
  });
});

describeDocker('a notice that offers an action', () => {
  let name = '';
  beforeAll(() => void (name = createOwnedContainer()));
  afterAll(() => removeContainer(name));

  it('carries Approve/Deny; Approve restarts the container through the policy', async () => {
    const person = telegram.app.memory.people.resolve({ channel: 'telegram', externalId: String(allowedUser) });
    const outcome = await telegram.app.runner.invoke({
      tool: 'docker_restart',
      input: { name },
      source: 'router',
      caller: { personId: person.id, channel: 'telegram', externalId: String(allowedUser), modality: 'text' },
    });
    if (outcome.status !== 'approval-required') throw new Error(`expected an approval request, got ${outcome.status}`);
    const startedAt = containerStartedAt(name);
    const before = telegram.fake.callsTo('sendMessage').length;

    await telegram.app.notify({
      key: `alert:container:${name}`,
      severity: 'critical',
      text: `${name} is unhealthy.`,
      actions: [outcome.approval],
    });

    const offer = telegram.fake
      .callsTo('sendMessage')
      .slice(before)
      .find((call) => Number(call.params.chat_id) === allowedUser);
    expect(buttonData(offer)).toEqual([`ap:${outcome.approval.id}:y`, `ap:${outcome.approval.id}:n`]);
    const text = shownText(offer?.params ?? {});
    expect(text.startsWith(`${name} is unhealthy.`)).toBe(true);
    expect(containerStartedAt(name)).toBe(startedAt);

    telegram.fake.enqueueUpdate(
      callbackUpdate(allowedUser, `ap:${outcome.approval.id}:y`, { messageId: 1, chatId: allowedUser, text }),
    );
    await waitFor(
      async () => (containerStartedAt(name) !== startedAt ? true : undefined),
      20_000,
      `${name} to restart`,
    );
    await telegram.fake.waitFor((calls) => calls.some((call) => call.method === 'editMessageText'), 10_000);
    // Answered at once (the restart may still be running then); the message then shows the outcome.
    expect(['Approved.', 'Working on it.']).toContain(telegram.fake.callsTo('answerCallbackQuery').at(-1)?.params.text);
    expect(shownText(telegram.fake.callsTo('editMessageText').at(-1)?.params ?? {})).toMatch(/restart/i);
  }, 60_000);
});
